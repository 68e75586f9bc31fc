# syntax=docker/dockerfile:1.7
# escape=\
# A regular comment after the directives
ARG BASE=node:20-bookworm
FROM --platform=$BUILDPLATFORM ${BASE} AS build
# syntax=not-a-directive-here
WORKDIR /src
ENV NODE_ENV=production PATH="/app/bin:${PATH}" CACHE=${CACHE_DIR:-/tmp/cache}
LABEL org.opencontainers.image.title="demo"
COPY --from=build --chown=1000:1000 package*.json ./
RUN --mount=type=cache,target=/root/.npm npm ci && \
    # comments inside a continued instruction are removed by Docker
    echo "done"
EXPOSE 8080/tcp 9000-9010/udp
HEALTHCHECK --interval=30s CMD ["node", "health.js"]
USER node
CMD node server.js --port "$PORT"
ENTRYPOINT ["/usr/bin/tini", "--", "node"]
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
STOPSIGNAL SIGTERM
ONBUILD RUN echo onbuild
from alpine as lower
run echo lower
