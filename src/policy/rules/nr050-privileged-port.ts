import { portDiff } from '../../fixes/ports.js';
import type { Rule, RuleContext, RuleHit } from '../types.js';
import type { Facts } from '../../facts/types.js';
import type { Fix } from '../../fixes/types.js';
import { at, containerUid, describeContainer } from './kubernetes-common.js';
import { portLocation } from './locate.js';

const UNPRIVILEGED_PORT_START = 1024;

export const nr050: Rule = {
  id: 'NR050',
  name: 'privileged-port',
  title:
    'A declared port (or a containerPort of a manifest) is below 1024 for a non-root user, or the probe cannot bind it',
  rationale:
    'A non-root process cannot bind ports below 1024 on a default Kubernetes node. Docker hides this (it sets net.ipv4.ip_unprivileged_port_start=0 in containers), so `docker run` works and the pod crashes. The probe binds with the Kubernetes setting. This is why .NET 8 moved from port 80 to 8080. A root image that declares such a port gets a notice: it binds now, and breaks once the user is non-root.',
  howToFix:
    'Listen on a port of 1024 or more: `ENV ASPNETCORE_HTTP_PORTS=8080` and `EXPOSE 8080` (the .NET 8+ default); map port 80 to it in the Service.',
  examples: { failing: 'port-80-aspnetcore-urls', passing: 'user-1654' },
  levels: { baseline: 'error', restricted: 'error', hardened: 'error' },
  needs: ['image', 'accounts'],
  evaluate(facts, context) {
    const uid = facts.runtime?.identity.uid ?? facts.user.uid;
    if (uid === null) return [];
    if (uid === 0) return rootImageHits(facts, context);
    const hits: RuleHit[] = [];
    const seen = new Set<string>();
    for (const declared of facts.ports) {
      const key = `${declared.source}:${declared.port}/${declared.protocol}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const bind = facts.runtime?.ports.find(
        (port) => port.port === declared.port && port.protocol === declared.protocol,
      );
      const privileged =
        declared.port < UNPRIVILEGED_PORT_START && !context.allow.ports.includes(declared.port);
      if (!privileged && (!bind || bind.bindable)) continue;
      const evidence = bind
        ? bind.bindable
          ? 'the probe could bind it'
          : `the probe, as uid ${uid}, could not bind it (${bind.error ?? 'failed'})`
        : 'the probe did not try it';
      const why = privileged
        ? `port ${declared.port} is below ${UNPRIVILEGED_PORT_START}, which uid ${uid} cannot bind on a default Kubernetes node; ${evidence}`
        : `${evidence}`;
      hits.push({
        message: `${declared.declaration}: ${why}`,
        location: portLocation(facts, declared),
        fix: portFix(facts, declared),
      });
    }
    hits.push(...containerPortHits(facts, context));
    return hits;
  },
};

type DeclaredPort = Facts['ports'][number];

function portFix(facts: Facts, declared: DeclaredPort): Fix {
  const aspnet = declared.source.startsWith('ASPNETCORE_');
  return {
    summary: aspnet
      ? 'Listen on 8080, the .NET 8+ default: `ENV ASPNETCORE_HTTP_PORTS=8080` and `EXPOSE 8080`; map port 80 to it in the Service (or `docker run -p 80:8080`).'
      : `Listen on a port of ${UNPRIVILEGED_PORT_START} or more (e.g. 8080) and \`EXPOSE 8080\`; map port ${declared.port} to it in the Service (or \`docker run -p ${declared.port}:8080\`).`,
    diff: portDiff(facts, declared),
  };
}

/**
 * A root image's declared ports below 1024: they bind today only because the image runs as
 * root (its NR001, NR002 or NR010 is the finding that fails it), and break as soon as that is
 * fixed. Said ahead, as a notice, with the same fix.
 */
function rootImageHits(facts: Facts, context: RuleContext): RuleHit[] {
  const seen = new Set<string>();
  return facts.ports.flatMap((declared) => {
    const key = `${declared.source}:${declared.port}/${declared.protocol}`;
    if (seen.has(key) || declared.port >= UNPRIVILEGED_PORT_START) return [];
    if (context.allow.ports.includes(declared.port)) return [];
    seen.add(key);
    return [
      {
        message: `${declared.declaration}: port ${declared.port} is below ${UNPRIVILEGED_PORT_START}: it binds now because the image runs as root; once the user is non-root (the fix of NR001 or NR002), a default Kubernetes node refuses it`,
        location: portLocation(facts, declared),
        fix: portFix(facts, declared),
        atMost: 'notice' as const,
      },
    ];
  });
}

/** containerPort below 1024 in a manifest that runs this image as a non-root UID. */
function containerPortHits(facts: Facts, context: RuleContext): RuleHit[] {
  return (facts.kubernetes?.containers ?? []).flatMap((container) => {
    const uid = containerUid(facts, container);
    if (uid === null || uid === 0) return [];
    return container.ports
      .filter(
        (port) => port.value < UNPRIVILEGED_PORT_START && !context.allow.ports.includes(port.value),
      )
      .map((port) => ({
        message: `${describeContainer(container)}: containerPort: ${port.value}: port ${port.value} is below ${UNPRIVILEGED_PORT_START}, which uid ${uid} cannot bind on a default Kubernetes node`,
        location: at(container, port.line),
        fix: {
          summary: `Have the app listen on a port of ${UNPRIVILEGED_PORT_START} or more (e.g. 8080), set \`containerPort: 8080\`, and keep port ${port.value} on the Service (\`port: ${port.value}\`, \`targetPort: 8080\`).`,
          diff: null,
        },
      }));
  });
}
