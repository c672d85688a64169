# Builds one side of the service for the distributed mode: docker compose passes MODULE
# (command-side or query-side) and runs that module's executable jar.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -ntp -q package -DskipTests

FROM eclipse-temurin:17-jre
ARG MODULE
RUN apt-get update -qq && apt-get install -y -qq --no-install-recommends wget && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /src/${MODULE}/target/${MODULE}-*-exec.jar app.jar
USER 1000
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
