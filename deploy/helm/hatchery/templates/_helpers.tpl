{{- define "hatchery.fullname" -}}
{{- printf "%s-hatchery" .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "hatchery.labels" -}}
app.kubernetes.io/name: hatchery
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{- define "hatchery.selector" -}}
app.kubernetes.io/name: hatchery
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "hatchery.scenarioConfigMap" -}}
{{- if .Values.scenario.existingConfigMap -}}
{{ .Values.scenario.existingConfigMap }}
{{- else -}}
{{ include "hatchery.fullname" . }}-scenario
{{- end -}}
{{- end -}}

{{- define "hatchery.authSecret" -}}
{{- if .Values.auth.existingSecret -}}
{{ .Values.auth.existingSecret }}
{{- else -}}
{{ include "hatchery.fullname" . }}-auth
{{- end -}}
{{- end -}}

{{- define "hatchery.podSecurity" -}}
securityContext:
  runAsNonRoot: true
  runAsUser: 10001
  runAsGroup: 10001
  fsGroup: 10001
{{- end -}}

{{/* The master container, shared by the UI Deployment and the headless Job. */}}
{{- define "hatchery.masterContainer" -}}
- name: master
  image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
  imagePullPolicy: {{ .Values.image.pullPolicy }}
  args:
    - "--master"
    - "-f"
    - "/scenario/locustfile.java"
    {{- if .Values.headless }}
    - "--headless"
    - "--csv"
    - "/reports/run"
    - "--html"
    - "/reports/report.html"
    {{- end }}
  env:
    - name: LOCUST_HOST
      value: {{ .Values.host | quote }}
    - name: LOCUST_MASTER_BIND_PORT
      value: {{ .Values.master.bindPort | quote }}
    - name: LOCUST_WEB_PORT
      value: {{ .Values.master.webPort | quote }}
    - name: LOCUST_STOP_TIMEOUT
      value: {{ .Values.stopTimeoutSeconds | quote }}
    {{- if .Values.headless }}
    - name: LOCUST_USERS
      value: {{ .Values.users | quote }}
    - name: LOCUST_SPAWN_RATE
      value: {{ .Values.spawnRate | quote }}
    - name: LOCUST_RUN_TIME
      value: {{ .Values.runTime | quote }}
    - name: LOCUST_EXPECT_WORKERS
      value: {{ .Values.workers.replicas | quote }}
    - name: LOCUST_EXPECT_WORKERS_MAX_WAIT
      value: {{ .Values.expectWorkersMaxWaitSeconds | quote }}
    {{- end }}
    {{- if .Values.auth.enabled }}
    - name: HATCHERY_WEB_USER
      valueFrom:
        secretKeyRef:
          name: {{ include "hatchery.authSecret" . }}
          key: username
    - name: HATCHERY_WEB_PASSWORD
      valueFrom:
        secretKeyRef:
          name: {{ include "hatchery.authSecret" . }}
          key: password
    - name: LOCUST_WEB_AUTH
      value: "$(HATCHERY_WEB_USER):$(HATCHERY_WEB_PASSWORD)"
    {{- end }}
  ports:
    - name: web
      containerPort: {{ .Values.master.webPort }}
    - name: zmq
      containerPort: {{ .Values.master.bindPort }}
  {{- if not .Values.headless }}
  readinessProbe:
    tcpSocket:
      port: web
    initialDelaySeconds: 3
    periodSeconds: 5
  livenessProbe:
    tcpSocket:
      port: zmq
    initialDelaySeconds: 10
    periodSeconds: 10
  {{- end }}
  resources:
    {{- toYaml .Values.master.resources | nindent 4 }}
  volumeMounts:
    - name: scenario
      mountPath: /scenario
      readOnly: true
    {{- if .Values.headless }}
    - name: reports
      mountPath: /reports
    {{- end }}
{{- end -}}
