# One image for every Xietong service; docker-compose.yml picks the entry point per service.
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund
COPY . .
# NODE_OPTIONS: the flags of lib/nodeFlags.ts (every service runs with them; a test checks).
ENV NODE_ENV=production XIETONG_HOST=0.0.0.0 NODE_OPTIONS=--max-semi-space-size=64
USER node
