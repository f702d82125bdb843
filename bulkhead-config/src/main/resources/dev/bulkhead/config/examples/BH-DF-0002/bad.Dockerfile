FROM debian:12.5-slim
ADD https://example.com/tool-1.2.tar.gz /opt/
USER 10001
