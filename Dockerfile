# One image for every Xietong service (gateway, each subgraph, the HJ 212 listener, the deployment's scripts):
# docker-compose.yml and the Helm chart (deploy/helm/xietong) choose the command per service. It runs the
# compiled JavaScript of `npm run build` as the unprivileged user `node`, with production dependencies only:
# no TypeScript, no tsx, no test or build tools at run time.

# 1. build: every dependency (TypeScript, esbuild), the compiled code in dist/, the explorer's bundle in .build/.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund --loglevel=error
COPY . .
RUN npm run build
# Setup's bundles for the gateway's screens (GraphiQL from npm); MONGODB_URI set: no embedded store to build.
RUN MONGODB_URI=mongodb://unused node scripts/setup.js

# 2. production dependencies only, installed from the lockfile.
FROM node:20-bookworm-slim AS dependencies
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --omit=dev --no-audit --no-fund --loglevel=error && npm cache clean --force

# 3. runtime: compiled code, the data files it reads from the project root (schema/: SDL, catalogues, the
# supergraph, trusted manifests), the bundles; owned by root, so the service cannot rewrite its own code.
FROM node:20-bookworm-slim AS runtime
WORKDIR /app
# NODE_OPTIONS: the flags of lib/nodeFlags.ts (every service runs with them; a test checks).
ENV NODE_ENV=production XIETONG_HOST=0.0.0.0 XIETONG_BUILD_DIR=/app/.build XIETONG_DATA_DIR=/app/.data NODE_OPTIONS=--max-semi-space-size=64
COPY --from=dependencies /app/node_modules ./node_modules
# package.json also marks /app as the project root, where compiled code finds schema/ and .build/ (lib/config.ts).
COPY package.json package-lock.json ./
COPY schema ./schema
COPY --from=build /app/dist ./dist
COPY --from=build /app/.build ./.build
# The one place a service may write: generated secrets when none is configured (a deployment configures them).
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
EXPOSE 4000
CMD ["node", "dist/gateway/src/index.js"]
