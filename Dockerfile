# The command centre in one image: the GraphQL/WebSocket server on :4000, serving the built console.
# It needs a PostgreSQL (DATABASE_URL); docker-compose.yml runs one beside two replicas.
FROM node:24-bookworm-slim

WORKDIR /app
ENV npm_config_audit=false \
    npm_config_fund=false \
    npm_config_update_notifier=false

# Dependencies first, so that a source change does not reinstall them.
COPY package.json package-lock.json ./
COPY shared/package.json shared/
COPY server/package.json server/
COPY client/package.json client/
RUN npm ci

COPY . .
# Builds the console into client/dist, which the server serves at `/`. `npm start` rebuilds it only
# when its sources are newer; client/ belongs to the runtime user so that rebuild could write.
RUN npm run build \
 && mkdir -p .data \
 && chown -R node:node client .data

ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4000
EXPOSE 4000
USER node

# Liveness only; /readyz (database reachable, migrations applied) is what load balancers and compose wait on.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

# What `npm start` runs, without npm in between: `docker stop`'s SIGTERM reaches the start script,
# which passes it to the server for its graceful shutdown (consoles told to reconnect, exit 0).
CMD ["node", "scripts/start.mjs"]
