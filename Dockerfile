# syntax=docker/dockerfile:1
# Mesh-Trace Gateway, production image (docs/deploy.md). The build steps live in scripts/build-image.sh,
# which CI also runs and starts (test/image-build.test.ts): this file only orders them.

FROM node:20-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN bash scripts/build-image.sh /out

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4000 \
    MESH_OTLP_GRPC_PORT=4317 \
    MESH_DATA_DIR=/tmp/mesh
WORKDIR /app
# Owned by root and read-only to the gateway's user: the process cannot change its own code.
COPY --from=build /out/ ./
USER node
EXPOSE 4000 4317
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 CMD ["node", "scripts/healthcheck.mjs"]
STOPSIGNAL SIGTERM
CMD ["node", "dist/src/main.js"]
