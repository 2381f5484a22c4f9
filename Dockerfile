# The preadmit GitHub App. Multi-stage: the pinned Go tools are built in a Go stage (as scripts/install-tools.sh
# pins them, kustomize-batch included), the app is bundled in a node stage (`npm run build`: dist/app.mjs and its
# evaluation worker) and runs on node:20 as a non-root user with `node dist/app.mjs` (node receives SIGTERM itself). Base images are pinned to exact versions (add @sha256 digests where your registry policy asks for them).
FROM golang:1.26.8-bookworm AS tools
WORKDIR /src
COPY scripts ./scripts
RUN mkdir -p .tools/bin && bash scripts/install-tools.sh

FROM node:20.20.2-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts

FROM node:20.20.2-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts
COPY scripts ./scripts
COPY schema ./schema
COPY src ./src
RUN node scripts/build.mjs

FROM node:20.20.2-bookworm-slim
# bubblewrap: the jail kustomize and helm run in; git: reading the repositories checked.
RUN apt-get update -qq && apt-get install -y -qq --no-install-recommends bubblewrap git ca-certificates && rm -rf /var/lib/apt/lists/* \
  && groupadd --gid 10001 preadmit && useradd --uid 10001 --gid 10001 --home-dir /app --shell /usr/sbin/nologin preadmit
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=tools /src/.tools/bin ./.tools/bin
COPY package.json ./
COPY bin ./bin
COPY --from=build /app/dist ./dist
ENV NODE_ENV=production PORT=3000 HOST=0.0.0.0 PREADMIT_CACHE_DIR=/cache
EXPOSE 3000
USER 10001:10001
ENTRYPOINT ["node", "dist/app.mjs"]
