import { describe, expect, it } from 'vitest';
import { webhookUrlProblem, type WebhookUrlRules } from '../../../generator/runtime/webhook-url.js';

const RULES: WebhookUrlRules = {
  schemes: ['https'],
  maxLength: 2048,
  denyHosts: ['localhost'],
  denySuffixes: ['.local', '.internal'],
  denyPrivateNetworks: true,
};

describe('webhookUrlProblem', () => {
  it.each([
    'https://example.com/hooks',
    'https://hooks.example.org:8443/in?source=acme#frag',
    'https://8.8.8.8/hook',
    'https://11.0.0.1/', // just past 10/8
    'https://172.15.255.255/', // just below 172.16/12
    'https://172.32.0.1/', // just past 172.16/12
    'https://192.169.0.1/', // next to 192.168/16
    'https://128.0.0.1/', // next to 127/8
    'https://[2001:4860:4860::8888]/hook', // public IPv6
    'https://localhost.example.com/', // a public name that starts with "localhost"
    'https://notlocal.com/', // ends with "local" but not ".local"
    'https://internal.example.com/',
  ])('allows the public URL %s', (url) => {
    expect(webhookUrlProblem(url, RULES)).toBeUndefined();
  });

  it('requires https', () => {
    expect(webhookUrlProblem('http://example.com/hook', RULES)).toEqual(expect.stringContaining('http'));
    expect(webhookUrlProblem('ftp://example.com/hook', RULES)).toBeTypeOf('string');
  });

  it('rejects text that is not an absolute URL', () => {
    expect(webhookUrlProblem('example.com/hook', RULES)).toBeTypeOf('string');
    expect(webhookUrlProblem('/relative/path', RULES)).toBeTypeOf('string');
  });

  it('enforces the maximum length, inclusive', () => {
    const base = 'https://example.com/';
    const atLimit = base + 'a'.repeat(2048 - base.length);
    expect(atLimit).toHaveLength(2048);
    expect(webhookUrlProblem(atLimit, RULES)).toBeUndefined();
    const problem = webhookUrlProblem(`${atLimit}a`, RULES);
    expect(problem).toContain('2049');
    expect(problem).toContain('2048');
  });

  it.each(['https://localhost/hook', 'https://LOCALHOST:8443/hook', 'https://localhost./hook'])(
    'rejects the denied host in %s',
    (url) => {
      expect(webhookUrlProblem(url, RULES)).toEqual(expect.stringContaining('localhost'));
    },
  );

  it.each([
    'https://printer.local/hook',
    'https://db.corp.internal/hook',
    'https://DB.CORP.INTERNAL/hook',
    'https://box.local./hook',
  ])('rejects the denied suffix in %s', (url) => {
    expect(webhookUrlProblem(url, RULES)).toBeTypeOf('string');
  });

  it.each([
    ['10/8', 'https://10.0.0.1/'],
    ['10/8', 'https://10.255.255.255/'],
    ['172.16/12', 'https://172.16.0.1/'],
    ['172.16/12', 'https://172.20.10.5/'],
    ['172.16/12', 'https://172.31.255.255/'],
    ['192.168/16', 'https://192.168.1.1/'],
    ['127/8', 'https://127.0.0.1/'],
    ['127/8', 'https://127.8.9.10:8080/'],
    ['127/8 in decimal', 'https://2130706433/'],
    ['127/8 in hex and short form', 'https://0x7f.1/'],
    ['link-local (cloud metadata)', 'https://169.254.169.254/latest/meta-data'],
    ['this network', 'https://0.0.0.0/'],
    ['IPv6 loopback', 'https://[::1]/'],
    ['IPv6 unspecified', 'https://[::]/'],
    ['IPv6 unique local fc00::/7', 'https://[fc00::1]/'],
    ['IPv6 unique local fc00::/7', 'https://[fd12:3456:789a::1]/'],
    ['IPv6 link-local fe80::/10', 'https://[fe80::1]/'],
    ['IPv6 link-local fe80::/10', 'https://[febf::1]/'],
    ['IPv4-mapped loopback', 'https://[::ffff:127.0.0.1]/'],
    ['IPv4-mapped 10/8', 'https://[::ffff:10.1.2.3]/'],
    ['IPv4-mapped 192.168/16', 'https://[0:0:0:0:0:ffff:c0a8:0101]/'],
  ])('rejects a private or loopback address (%s): %s', (_, url) => {
    expect(webhookUrlProblem(url, RULES)).toBeTypeOf('string');
  });

  it('allows an IPv4-mapped public address', () => {
    expect(webhookUrlProblem('https://[::ffff:8.8.8.8]/', RULES)).toBeUndefined();
  });

  it('allows private addresses when the API does not deny them', () => {
    const lenient: WebhookUrlRules = { schemes: ['https'] };
    expect(webhookUrlProblem('https://10.0.0.1/', lenient)).toBeUndefined();
    expect(webhookUrlProblem('https://[::1]/', lenient)).toBeUndefined();
    expect(webhookUrlProblem('https://localhost/', lenient)).toBeUndefined();
  });

  it('applies no rule that is not given', () => {
    expect(webhookUrlProblem('http://10.0.0.1/', {})).toBeUndefined();
  });
});
