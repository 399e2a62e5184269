# syntax=docker/dockerfile:1
# One recipe for the four services. The build stage compiles the whole reactor once (BuildKit shares it
# between the four images); the runtime stage takes one service's executable jar, chosen by SERVICE:
#   docker build --build-arg SERVICE=trainer-service -t sppo/trainer-service .
# docker-compose.yml builds all four this way.

FROM maven:3.9.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -DskipTests package

FROM eclipse-temurin:17-jre AS runtime
ARG SERVICE
RUN test -n "$SERVICE" \
      || { echo "SERVICE is not set: build with --build-arg SERVICE=gateway|trainer-service|generator-service|preference-service" >&2; exit 1; } \
 && apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /var/lib/sppo sppo \
 && mkdir -p /var/lib/sppo/checkpoints /var/lib/sppo/djl \
 && chown -R sppo /var/lib/sppo
COPY --from=build /src/${SERVICE}/target/${SERVICE}-*-exec.jar /app/app.jar
USER sppo
# DJL extracts the PyTorch natives (about 430 MB) here on first use.
ENV DJL_CACHE_DIR=/var/lib/sppo/djl
# Keep freed tensor memory in the process instead of page-faulting it in again every step (see ./sppo).
ENV GLIBC_TUNABLES=glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=1073741824:glibc.malloc.arena_max=1:glibc.malloc.hugetlb=1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/app.jar"]
