import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { CONFIG_VARIABLES, loadConfig } from '../../server/src/core/config';

/**
 * No cluster runs here: deploy/kubernetes is checked by reading it. The shape the issue asks for
 * (Deployment, Service, Ingress with WebSocket, a migration step that runs once, probes) and
 * that the pieces point at each other and at what the server and the image really provide.
 */
const DIR = new URL('../../deploy/kubernetes/', import.meta.url);
type Doc = Record<string, any>;

const load = (file: string): Doc[] => parseAllDocuments(readFileSync(new URL(file, DIR), 'utf8')).map((d) => d.toJSON() as Doc);
const kustomization = load('kustomization.yaml')[0]!;
const resources = (kustomization.resources as string[]).flatMap(load);
const byKind = (kind: string) => resources.filter((r) => r.kind === kind);
const one = (kind: string) => {
  expect(byKind(kind), kind).toHaveLength(1);
  return byKind(kind)[0]!;
};

describe('deploy/kubernetes', () => {
  const deployment = one('Deployment');
  const job = one('Job');
  const service = one('Service');
  const ingress = one('Ingress');
  const configMap = one('ConfigMap');
  const secret = load('secret.example.yaml')[0]!;
  const server = deployment.spec.template.spec.containers[0];
  const migrate = job.spec.template.spec.containers[0];

  it('lists only files that exist, and never applies the example secret', () => {
    for (const file of kustomization.resources as string[]) expect(existsSync(new URL(file, DIR)), file).toBe(true);
    expect(kustomization.resources).not.toContain('secret.example.yaml');
  });

  it('runs two or more replicas of one image, rolling one at a time without dropping below the count', () => {
    expect(deployment.spec.replicas).toBeGreaterThanOrEqual(2);
    expect(deployment.spec.strategy.rollingUpdate.maxUnavailable).toBe(0);
    expect(migrate.image).toBe(server.image);
    expect((kustomization.images as { name: string }[]).map((i) => i.name)).toContain(server.image);
  });

  it('passes only variables the server reads, and they make a valid production configuration', () => {
    const env = { ...configMap.data, ...secret.stringData } as Record<string, string>;
    expect(Object.keys(env).filter((name) => !(CONFIG_VARIABLES as readonly string[]).includes(name))).toEqual([]);
    const config = loadConfig(env);
    expect(config.env).toBe('production');
    expect(config.demoMode).toBe(false);
    expect(config.firstAdmin?.username).toBe('admin');
    expect(config.databaseUrl).toMatch(/^postgres:/);
    for (const container of [server, migrate]) {
      expect(container.envFrom).toEqual([
        { configMapRef: { name: configMap.metadata.name } },
        { secretRef: { name: secret.metadata.name } },
      ]);
    }
  });

  it('probes readiness on /readyz and liveness on /healthz, on the port the server listens on', () => {
    const port = server.ports.find((p: Doc) => p.name === 'http');
    expect(String(port.containerPort)).toBe(configMap.data.PORT);
    expect(server.readinessProbe.httpGet).toEqual({ path: '/readyz', port: 'http' });
    expect(server.livenessProbe.httpGet).toEqual({ path: '/healthz', port: 'http' });
  });

  it('runs as the image’s unprivileged user, with no way to gain privileges', () => {
    for (const spec of [deployment.spec.template.spec, job.spec.template.spec]) {
      expect(spec.securityContext.runAsNonRoot).toBe(true);
      expect(spec.securityContext.runAsUser).toBe(1000);
    }
    for (const container of [server, migrate]) expect(container.securityContext.allowPrivilegeEscalation).toBe(false);
    expect(readFileSync(new URL('../../Dockerfile', import.meta.url), 'utf8')).toMatch(/^USER node$/m);
  });

  it('has a migration Job that runs the compiled migration step once and stops', () => {
    expect(migrate.command).toEqual(['node', 'server/dist/migrate.js']);
    expect(readFileSync(new URL('../../scripts/build-server.mjs', import.meta.url), 'utf8')).toContain("'migrate.ts'");
    expect(['OnFailure', 'Never']).toContain(job.spec.template.spec.restartPolicy);
    expect(job.spec.backoffLimit).toBeGreaterThan(0);
  });

  it('exposes the pods through a Service the Ingress routes to, WebSocket included', () => {
    expect(service.spec.selector).toEqual(deployment.spec.template.metadata.labels);
    expect(deployment.spec.selector.matchLabels).toEqual(deployment.spec.template.metadata.labels);
    expect(service.spec.ports[0].targetPort).toBe('http');
    const backend = ingress.spec.rules[0].http.paths[0].backend.service;
    expect(backend).toEqual({ name: service.metadata.name, port: { name: service.spec.ports[0].name } });
    expect(ingress.spec.rules[0].http.paths[0].path).toBe('/');
    // Idle consoles keep their WebSocket open for hours: the proxy must not cut them at its 60 s default.
    expect(Number(ingress.metadata.annotations['nginx.ingress.kubernetes.io/proxy-read-timeout'])).toBeGreaterThanOrEqual(3600);
  });
});
