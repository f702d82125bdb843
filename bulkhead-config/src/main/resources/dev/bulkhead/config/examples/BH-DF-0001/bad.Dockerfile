FROM debian:12.5-slim
RUN useradd -r -u 10001 app
USER app
HEALTHCHECK CMD ["true"]
USER root
