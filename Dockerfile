# fraud-rings server and worker image (docker-compose.yml runs it as both).
# Build stage: install with the lockfile (npm ci runs `prepare`, which builds TypeScript and the
# web UI), then drop dev dependencies.
FROM node:20-bookworm AS build
WORKDIR /app
COPY . .
RUN npm ci --no-audit --no-fund && npm prune --omit=dev --no-audit --no-fund

# Runtime stage: the built package only, as the unprivileged `node` user.
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    FRAUD_RINGS_DB=/data/fraud-rings.db \
    EXPORT_DIR=/data/exports
WORKDIR /app
COPY --from=build --chown=node:node /app /app
RUN mkdir -p /data/exports && chown -R node:node /data
USER node
VOLUME ["/data"]
EXPOSE 8080
ENTRYPOINT ["node", "bin/fraud-rings.js"]
CMD ["serve", "--host", "0.0.0.0", "--port", "8080"]
