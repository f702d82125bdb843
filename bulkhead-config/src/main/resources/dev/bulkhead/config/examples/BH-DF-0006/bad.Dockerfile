FROM debian:12.5-slim
RUN useradd app
USER app
RUN sudo apt-get update
