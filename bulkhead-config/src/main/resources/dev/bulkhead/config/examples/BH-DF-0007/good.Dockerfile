FROM debian:12.5-slim AS base
HEALTHCHECK --interval=30s CMD ["/bin/true"]
FROM base
USER 10001
