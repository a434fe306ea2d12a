{{/* The gateway and the subgraphs as one map name → settings, for the templates that make the same objects for each. */}}
{{- define "xietong.components" -}}
{{- $all := dict "gateway" .Values.gateway -}}
{{- range $name, $spec := .Values.subgraphs -}}
{{- $_ := set $all $name $spec -}}
{{- end -}}
{{- toYaml $all -}}
{{- end -}}

{{/* A component's in-cluster URL of its GraphQL endpoint. */}}
{{- define "xietong.graphqlUrl" -}}
{{ printf "http://%s-%s:%v/graphql" (include "xietong.fullname" .root) .name .port }}
{{- end -}}
