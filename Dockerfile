# The command centre in one image: the GraphQL/WebSocket server on :4000, serving the built console.
# It needs a PostgreSQL (DATABASE_URL); docker-compose.yml runs one beside two replicas.
#
# Two stages: `build` installs every dependency and compiles the console (client/dist) and the
# server (server/dist/main.js, plain JavaScript); the runtime stage installs the server's
# production dependencies only and runs the compiled server as the unprivileged `node` user.

FROM node:24-bookworm-slim AS build

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
RUN npm run build

FROM node:24-bookworm-slim

WORKDIR /app
ENV npm_config_audit=false \
    npm_config_fund=false \
    npm_config_update_notifier=false

# npm ci needs every workspace manifest; only the server's production dependencies are installed
# (no TypeScript loader, no Vite, no client libraries: the console is already built).
COPY package.json package-lock.json ./
COPY shared/package.json shared/
COPY server/package.json server/
COPY client/package.json client/
RUN npm ci --omit=dev --workspace server \
 && npm cache clean --force

COPY --from=build /app/server/dist server/dist
COPY --from=build /app/client/dist client/dist
COPY scripts/start.mjs scripts/build-console.mjs scripts/
RUN mkdir -p .data && chown node:node .data

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
# With no tsx installed, the start script runs the compiled server/dist/main.js.
CMD ["node", "scripts/start.mjs"]
