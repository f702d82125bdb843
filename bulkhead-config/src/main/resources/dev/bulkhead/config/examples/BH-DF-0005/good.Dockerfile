FROM debian:12.5-slim
ARG APP_VERSION=1.2.3
ENV DB_HOST=db DB_PASSWORD_FILE=/run/secrets/db_password
RUN --mount=type=secret,id=npm_token NPM_TOKEN=$(cat /run/secrets/npm_token) npm ci
USER 10001
