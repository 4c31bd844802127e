{{/* The labels of everything this release makes; "component" is the part of the system. */}}
{{- define "mock-trading.labels" -}}
app.kubernetes.io/name: {{ .component }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/part-of: mock-trading
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
{{- end }}

{{- define "mock-trading.selectorLabels" -}}
app.kubernetes.io/name: {{ .component }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end }}

{{/* A resource's name: the release, then the component. */}}
{{- define "mock-trading.name" -}}
{{ printf "%s-%s" .root.Release.Name .component | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "mock-trading.image" -}}
{{ printf "%s%s/%s:%s" .root.Values.image.registry .root.Values.image.repository .component .root.Values.image.tag }}
{{- end }}

{{/* Every pod: a non-root user, the runtime's default seccomp profile. */}}
{{- define "mock-trading.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: 10001
runAsGroup: 10001
fsGroup: 10001
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{/* Every container: nothing written outside its volumes, no privilege to gain, no capability. */}}
{{- define "mock-trading.containerSecurityContext" -}}
runAsNonRoot: true
readOnlyRootFilesystem: true
allowPrivilegeEscalation: false
capabilities:
  drop: [ALL]
{{- end }}

{{/* The environment that points a process at the servers it uses. */}}
{{- define "mock-trading.serverEnv" -}}
{{- $e := .root.Values.endpoints -}}
{{- range .uses }}
{{- if eq . "kafka" }}
KAFKA_BOOTSTRAP_SERVERS: {{ include "mock-trading.endpoint" (dict "root" $.root "server" "kafka") | quote }}
{{- else if eq . "dynamodb" }}
MOCKTRADING_STORE_DYNAMO_DB_ENDPOINT: {{ include "mock-trading.endpoint" (dict "root" $.root "server" "dynamodb") | quote }}
MOCKTRADING_STORE_DYNAMO_DB_REGION: {{ $e.awsRegion | quote }}
AWS_REGION: {{ $e.awsRegion | quote }}
{{- else if eq . "redis" }}
MOCKTRADING_STORE_REDIS_URI: {{ include "mock-trading.endpoint" (dict "root" $.root "server" "redis") | quote }}
{{- else if eq . "elasticsearch" }}
MOCKTRADING_QUERY_ELASTICSEARCH_URL: {{ include "mock-trading.endpoint" (dict "root" $.root "server" "elasticsearch") | quote }}
{{- else if eq . "clickhouse" }}
MOCKTRADING_QUERY_CLICKHOUSE_URL: {{ include "mock-trading.endpoint" (dict "root" $.root "server" "clickhouse") | quote }}
{{- end }}
{{- end }}
{{- end }}

{{/* Which tokens a service trusts: the identity provider's, or the development issuer's key. */}}
{{- define "mock-trading.jwtEnv" -}}
{{- $jwt := .Values.security.jwt -}}
MOCKTRADING_SECURITY_JWT_ISSUER: {{ required "security.jwt.issuer is required" $jwt.issuer | quote }}
MOCKTRADING_SECURITY_JWT_AUDIENCE: {{ $jwt.audience | quote }}
{{- if .Values.security.devToken.enabled }}
MOCKTRADING_SECURITY_JWT_PUBLIC_KEY_LOCATION: "file:/dev-issuer/public.pem"
{{- else }}
MOCKTRADING_SECURITY_JWT_JWK_SET_URI: {{ required "security.jwt.jwkSetUri is required" $jwt.jwkSetUri | quote }}
{{- end }}
{{- end }}

{{/* Egress to the servers a pod uses (by port: managed servers have no pod to select), and to DNS. */}}
{{- define "mock-trading.egress" -}}
- ports:
    - {port: 53, protocol: UDP}
    - {port: 53, protocol: TCP}
{{- if .root.Values.tracing.zipkinEndpoint }}
# Spans to the trace collector.
- ports:
    - {port: {{ .root.Values.tracing.port }}, protocol: TCP}
{{- end }}
{{- $ports := .root.Values.networkPolicy.serverPorts }}
{{- range .uses }}
- ports:
{{- range (index $ports .) }}
    - {port: {{ . }}, protocol: TCP}
{{- end }}
{{- end }}
{{- end }}

{{/* Where a server is: endpoints.<server>, or the chart's own in-cluster server with localServers.enabled. */}}
{{- define "mock-trading.endpoint" -}}
{{- $value := index .root.Values.endpoints .server -}}
{{- $host := printf "%s-%s" .root.Release.Name .server -}}
{{- if $value -}}
{{ $value }}
{{- else if not .root.Values.localServers.enabled -}}
{{ fail (printf "endpoints.%s is required (or localServers.enabled)" .server) }}
{{- else if eq .server "kafka" -}}
{{ $host }}:9092
{{- else if eq .server "dynamodb" -}}
http://{{ $host }}:8000
{{- else if eq .server "redis" -}}
redis://{{ $host }}:6379
{{- else if eq .server "elasticsearch" -}}
http://{{ $host }}:9200
{{- else if eq .server "clickhouse" -}}
http://{{ $host }}:8123
{{- end -}}
{{- end }}

{{/* The tracing agent's settings of a service (the agent itself and its properties are in the image). */}}
{{- define "mock-trading.tracingEnv" -}}
OTEL_SERVICE_NAME: {{ .component | quote }}
{{- if .root.Values.tracing.zipkinEndpoint }}
OTEL_TRACES_EXPORTER: zipkin
OTEL_EXPORTER_ZIPKIN_ENDPOINT: {{ .root.Values.tracing.zipkinEndpoint | quote }}
{{- else }}
OTEL_TRACES_EXPORTER: none
{{- end }}
{{- end }}

{{/* Where a cluster's Prometheus finds a pod's metrics without the operator's CRDs. */}}
{{- define "mock-trading.scrapeAnnotations" -}}
{{- if .root.Values.monitoring.podAnnotations }}
prometheus.io/scrape: "true"
prometheus.io/port: {{ .port | quote }}
prometheus.io/path: {{ .path | quote }}
{{- end }}
{{- end }}
