FROM golang:1.22 AS build
USER root
RUN go build -o /out/app ./...

FROM debian:12.5-slim
COPY --from=build /out/app /app
USER 10001:10001
HEALTHCHECK CMD ["/app", "-health"]
ENTRYPOINT ["/app"]
