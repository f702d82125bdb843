FROM debian:12.5-slim AS base
HEALTHCHECK CMD ["true"]
FROM debian:12.5-slim
USER 10001
