FROM debian:12.5-slim
RUN curl -fsSLo /tmp/install.sh https://get.example.com/install.sh \
    && echo "24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d  /tmp/install.sh" | sha256sum -c - \
    && sh /tmp/install.sh || sh /tmp/fallback.sh
USER 10001
