# gratitude in a container: config and database on the /data volume.
#   docker build -t gratitude --build-arg VERSION=$(git describe --always) .
#   docker run --rm -v gratitude:/data -e GRATITUDE_IMAP_PASSWORD=... gratitude check
#   docker run -d --restart=unless-stopped -v gratitude:/data -e ... gratitude
# Put config.yaml in the volume first (gratitude init --config /data/config.yaml
# writes a starter); set database: /data/gratitude.db in it.

FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
ARG COMMIT=
# cgo for SQLite (mattn/go-sqlite3).
RUN CGO_ENABLED=1 go build -trimpath \
      -ldflags "-s -w -X main.version=${VERSION} -X main.commit=${COMMIT}" \
      -o /out/gratitude ./cmd/gratitude

FROM debian:bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates tzdata \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 gratitude \
 && useradd --system --uid 10001 --gid gratitude --home-dir /data --shell /usr/sbin/nologin gratitude \
 && mkdir -p /data && chown gratitude:gratitude /data && chmod 0700 /data
COPY --from=build /out/gratitude /usr/local/bin/gratitude
USER gratitude:gratitude
VOLUME ["/data"]
ENV GRATITUDE_CONFIG=/data/config.yaml
# /healthz, if http.listen is set to 0.0.0.0:8765 in the config.
EXPOSE 8765
ENTRYPOINT ["/usr/local/bin/gratitude"]
CMD ["run"]
