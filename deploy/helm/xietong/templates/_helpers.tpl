{{/* Names and labels shared by every object of the chart. */}}

{{- define "xietong.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* Labels of every object; "component" is gateway, a subgraph's name or mongodb-<silo>. */}}
{{- define "xietong.labels" -}}
app.kubernetes.io/name: {{ .root.Chart.Name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{/* What selects one component's pods (never changes after install: Deployments' selectors are immutable). */}}
{{- define "xietong.selector" -}}
app.kubernetes.io/name: {{ .root.Chart.Name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "xietong.image" -}}
{{ printf "%s:%s" .Values.image.repository .Values.image.tag }}
{{- end -}}

{{/* The Secret holding a silo's connection string. */}}
{{- define "xietong.mongoUriSecret" -}}
{{ printf "%s-%s" .root.Values.mongodb.uriSecretPrefix .silo }}
{{- end -}}

{{/* A silo's replica set: StatefulSet and headless Service name. */}}
{{- define "xietong.mongoName" -}}
{{ printf "%s-mongodb-%s" (include "xietong.fullname" .root) .silo }}
{{- end -}}

{{/* Liveness on /health (the process answers), readiness on /ready (its store, or for the gateway its
     subgraphs, reachable): a pod whose store is gone leaves the Service without being restarted. */}}
{{- define "xietong.probes" -}}
startupProbe:
  httpGet: { path: /health, port: http }
  periodSeconds: 5
  failureThreshold: 60
livenessProbe:
  httpGet: { path: /health, port: http }
  periodSeconds: 10
  timeoutSeconds: 3
  failureThreshold: 3
readinessProbe:
  httpGet: { path: /ready, port: http }
  periodSeconds: 5
  timeoutSeconds: 3
  failureThreshold: 2
{{- end -}}

{{/* Environment every Node service gets: the chart's config, and the keys mounted from their Secret. */}}
{{- define "xietong.commonEnv" -}}
- name: NODE_ENV
  value: production
- name: XIETONG_HOST
  value: "0.0.0.0"
{{- range $name, $value := .Values.verificationKeys }}
{{- if $value }}
- name: {{ $name }}
  value: {{ $value | quote }}
{{- end }}
{{- end }}
- name: REQUEST_ID_SECRET_FILE
  value: /run/xietong-keys/request-id-secret
{{- range $name, $value := .Values.config }}
- name: {{ $name }}
  value: {{ $value | quote }}
{{- end }}
{{- end -}}

{{- define "xietong.keysVolume" -}}
- name: keys
  secret:
    secretName: {{ .Values.secrets.keys }}
    defaultMode: 0440
- name: data
  emptyDir: {}
- name: tmp
  emptyDir: {}
{{- end -}}

{{- define "xietong.keysMount" -}}
- name: keys
  mountPath: /run/xietong-keys
  readOnly: true
- name: data
  mountPath: /app/.data
- name: tmp
  mountPath: /tmp
{{- end -}}

{{/* Egress to the cluster's DNS only. */}}
{{- define "xietong.dnsEgress" -}}
- to:
    - namespaceSelector:
        matchLabels:
          kubernetes.io/metadata.name: {{ .Values.networkPolicy.dnsNamespace }}
      podSelector:
        matchLabels:
          {{- toYaml .Values.networkPolicy.dnsPodLabels | nindent 10 }}
  ports:
    - port: 53
      protocol: UDP
    - port: 53
      protocol: TCP
{{- end -}}
