{{/* Chart name, overridable. */}}
{{- define "ai-ci.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Full name prefix of every object: the release name, plus the chart name unless the release name holds it. */}}
{{- define "ai-ci.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "ai-ci.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Labels that select the controller Pods. */}}
{{- define "ai-ci.selectorLabels" -}}
app.kubernetes.io/name: {{ include "ai-ci.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: controller
{{- end }}

{{- define "ai-ci.labels" -}}
helm.sh/chart: {{ include "ai-ci.chart" . }}
{{ include "ai-ci.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: ai-ci
{{- end }}

{{- define "ai-ci.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "ai-ci.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- required "serviceAccount.name is required when serviceAccount.create is false" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "ai-ci.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}

{{/*
The Kubernetes API access of the controller: exactly the calls it makes (src/controller, src/kube), one rule per
resource. Shared by the ClusterRole (all namespaces) and the per-namespace Roles; test/e2e/rbac.e2e.test.ts proves
these verbs are enough for a full scale-up/scale-down and that each one is used.
*/}}
{{- define "ai-ci.watchRules" -}}
# RunnerPools: informer (list, watch); finalizer (JSON patch); status subresource (merge patch).
- apiGroups: ["ai-ci.dev"]
  resources: ["runnerpools"]
  verbs: ["list", "watch", "patch"]
- apiGroups: ["ai-ci.dev"]
  resources: ["runnerpools/status"]
  verbs: ["patch"]
# CarbonPolicies: informer; status (the CarbonPolicy reconciler reports intensity and the next window).
- apiGroups: ["ai-ci.dev"]
  resources: ["carbonpolicies"]
  verbs: ["list", "watch"]
- apiGroups: ["ai-ci.dev"]
  resources: ["carbonpolicies/status"]
  verbs: ["patch"]
# Runner Pods: informer (labelled ai-ci.dev/pool), create, busy label/annotations, delete.
- apiGroups: [""]
  resources: ["pods"]
  verbs: ["list", "watch", "create", "patch", "delete"]
# Secrets: runner JIT-config Secrets (informer, create, failure annotations, delete) and reading the GitHub and
# carbon-source credentials that RunnerPools and CarbonPolicies reference.
- apiGroups: [""]
  resources: ["secrets"]
  verbs: ["get", "list", "watch", "create", "patch", "delete"]
# Events about RunnerPools and CarbonPolicies.
- apiGroups: [""]
  resources: ["events"]
  verbs: ["create"]
# The PodDisruptionBudget that protects busy runners from node drains, one per pool.
- apiGroups: ["policy"]
  resources: ["poddisruptionbudgets"]
  verbs: ["create"]
{{- end }}

{{/* The watched namespaces as a comma-separated list ("" = all). */}}
{{- define "ai-ci.watchNamespaces" -}}
{{- join "," .Values.controller.watchNamespaces }}
{{- end }}

{{/* The Secret with the webhook secret: the user's, or the one this chart generates. */}}
{{- define "ai-ci.webhookSecretName" -}}
{{- default (printf "%s-webhook" (include "ai-ci.fullname" .)) .Values.webhook.existingSecret }}
{{- end }}
