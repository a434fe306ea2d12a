# One image for every Xietong service; docker-compose.yml picks the entry point per service.
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund
COPY . .
# The offline explorer's bundle (GraphiQL and its workers from npm, esbuild): the gateway serves it at
# GET /graphql to browsers, from its own origin (setup builds it outside Docker).
RUN node gateway/src/explorer/build.js
# NODE_OPTIONS: the flags of lib/nodeFlags.ts (every service runs with them; a test checks).
ENV NODE_ENV=production XIETONG_HOST=0.0.0.0 NODE_OPTIONS=--max-semi-space-size=64
USER node
