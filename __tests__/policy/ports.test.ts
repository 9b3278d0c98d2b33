import { describe, expect, it } from 'vitest';
import { declaredPorts, portsFromUrls, portsToProbe } from '../../src/facts/ports.js';
import { imageFacts } from '../helpers/facts.js';

describe('declared ports', () => {
  it.each([
    ['http://+:80', [80]],
    ['http://*:8080;https://*:8443', [8080, 8443]],
    ['http://localhost', [80]],
    ['https://localhost', [443]],
    ['http://[::]:5000', [5000]],
    ['HTTP://+:81', [81]],
    ['http://+:notaport', []],
    ['unix:/tmp/app.sock', []],
    ['', []],
  ])('ASPNETCORE_URLS=%j → %j', (value, ports) => {
    expect(portsFromUrls(value)).toEqual(ports);
  });

  it('reads EXPOSE and the port variables, with their declarations', () => {
    const image = imageFacts({
      exposedPorts: ['80/tcp', '53/udp'],
      env: { ASPNETCORE_HTTP_PORTS: '8080;8081', PORT: '3000' },
    });
    expect(declaredPorts(image)).toEqual([
      { port: 80, protocol: 'tcp', source: 'EXPOSE', declaration: 'EXPOSE 80/tcp' },
      { port: 53, protocol: 'udp', source: 'EXPOSE', declaration: 'EXPOSE 53/udp' },
      {
        port: 8080,
        protocol: 'tcp',
        source: 'ASPNETCORE_HTTP_PORTS',
        declaration: 'ASPNETCORE_HTTP_PORTS=8080;8081',
      },
      {
        port: 8081,
        protocol: 'tcp',
        source: 'ASPNETCORE_HTTP_PORTS',
        declaration: 'ASPNETCORE_HTTP_PORTS=8080;8081',
      },
      { port: 3000, protocol: 'tcp', source: 'PORT', declaration: 'PORT=3000' },
    ]);
  });

  it('lets ASPNETCORE_URLS override ASPNETCORE_HTTP_PORTS and ASPNETCORE_HTTPS_PORTS, as ASP.NET Core does', () => {
    const image = imageFacts({
      env: {
        ASPNETCORE_URLS: 'http://+:80',
        ASPNETCORE_HTTP_PORTS: '8080',
        ASPNETCORE_HTTPS_PORTS: '8443',
      },
    });
    expect(declaredPorts(image).map((port) => `${port.source} ${port.port}`)).toEqual([
      'ASPNETCORE_URLS 80',
    ]);
  });

  it('ignores values that are not ports', () => {
    const image = imageFacts({
      exposedPorts: ['99999/tcp', 'x/tcp', '80/sctp'],
      env: { PORT: 'eighty' },
    });
    expect(declaredPorts(image)).toEqual([]);
  });

  it('probes each port once', () => {
    const image = imageFacts({
      exposedPorts: ['8080/tcp'],
      env: { ASPNETCORE_HTTP_PORTS: '8080' },
    });
    expect(portsToProbe(declaredPorts(image))).toEqual(['8080/tcp']);
  });
});
