{{- define "preadmit.labels" -}}
app.kubernetes.io/name: preadmit
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "preadmit.metaLabels" -}}
{{ include "preadmit.labels" . }}
{{- with .Values.labels }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/* One pod spec for both roles: args .ctx (the root), .role, .resources */}}
{{- define "preadmit.pod" -}}
securityContext:
  runAsNonRoot: true
  runAsUser: 10001
  runAsGroup: 10001
  fsGroup: 10001
  seccompProfile:
    type: RuntimeDefault
automountServiceAccountToken: false
containers:
  - name: preadmit
    image: "{{ .ctx.Values.image.repository }}:{{ .ctx.Values.image.tag }}"
    imagePullPolicy: {{ .ctx.Values.image.pullPolicy }}
    ports:
      - name: http
        containerPort: 3000
    envFrom:
      - secretRef:
          name: {{ .ctx.Values.existingSecret }}
    env:
      - name: PREADMIT_ROLE
        value: {{ .role | quote }}
      - name: PREADMIT_CONCURRENCY
        value: {{ .ctx.Values.concurrency | quote }}
      - name: LOG_LEVEL
        value: {{ .ctx.Values.logLevel | quote }}
      - name: HOST
        value: "0.0.0.0"
      - name: PREADMIT_CACHE_DIR
        value: /cache
      {{- with .ctx.Values.redisUrl }}
      - name: REDIS_URL
        value: {{ . | quote }}
      {{- end }}
    securityContext:
      allowPrivilegeEscalation: false
      privileged: false
      readOnlyRootFilesystem: true
      capabilities:
        drop: ["ALL"]
    livenessProbe:
      httpGet: { path: /healthz, port: http }
      periodSeconds: 10
    readinessProbe:
      httpGet: { path: /readyz, port: http }
      periodSeconds: 5
    resources:
      {{- toYaml .resources | nindent 6 }}
    volumeMounts:
      - name: cache
        mountPath: /cache
      - name: tmp
        mountPath: /tmp
volumes:
  - name: cache
    emptyDir: {}
  - name: tmp
    emptyDir: {}
{{- end }}
