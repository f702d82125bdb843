FROM node:20 AS build
RUN npm ci
FROM nginx
COPY --from=build /app/dist /usr/share/nginx/html
USER 101
