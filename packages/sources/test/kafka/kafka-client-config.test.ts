import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Options } from '@caudal/core';
import { kafkaClientConfig } from '@caudal/kafka-common';
import { rateLimit } from '../../src/kafka/rate-limit.ts';

// How `kafka.*` options become kafkajs client settings, and Spark's proportional rate limit, as pure functions.

const dir = mkdtempSync(join(tmpdir(), 'caudal-kafka-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const config = (entries: Record<string, string>) => kafkaClientConfig(new Options(Object.entries(entries)), 'consumer', 'test-client');

describe('kafkaClientConfig', () => {
  it('maps brokers, client id, timeouts and backoff', () => {
    const c = config({
      'kafka.bootstrap.servers': ' 127.0.0.1:9092, broker-2:19092 ', 'kafka.client.id': 'mine',
      'kafka.request.timeout.ms': '5000', 'kafka.retry.backoff.ms': '50',
    });
    expect(c.brokers).toEqual(['127.0.0.1:9092', 'broker-2:19092']);
    expect(c.clientId).toBe('mine');
    expect(c.requestTimeout).toBe(5000);
    expect(c.retry).toEqual({ initialRetryTime: 50, maxRetryTime: 1000, retries: 5 });
    expect(c.ssl).toBeUndefined();
    expect(c.sasl).toBeUndefined();
  });

  it('maps SASL_SSL with a JAAS username and password', () => {
    const c = config({
      'kafka.bootstrap.servers': 'b:9093', 'kafka.security.protocol': 'sasl_ssl', 'kafka.sasl.mechanism': 'SCRAM-SHA-512',
      'kafka.sasl.jaas.config': 'org.apache.kafka.common.security.scram.ScramLoginModule required username="alice" password="p\\"w;d";',
    });
    expect(c.sasl).toEqual({ mechanism: 'scram-sha-512', username: 'alice', password: 'p"w;d' });
    expect(c.ssl).toBe(true);
  });

  it('reads PEM trust and key material, and turns host name checks off for an empty algorithm', () => {
    const ca = join(dir, 'ca.pem');
    writeFileSync(ca, '-----BEGIN CERTIFICATE-----\nca\n-----END CERTIFICATE-----\n');
    const c = config({
      'kafka.bootstrap.servers': 'b:9093', 'kafka.security.protocol': 'SSL', 'kafka.ssl.truststore.location': ca,
      'kafka.ssl.keystore.certificate.chain': 'CHAIN', 'kafka.ssl.keystore.key': 'KEY', 'kafka.ssl.key.password': 'secret',
      'kafka.ssl.endpoint.identification.algorithm': '',
    });
    const ssl = c.ssl as { ca: string; cert: string; key: string; passphrase: string; checkServerIdentity: () => undefined };
    expect([ssl.ca, ssl.cert, ssl.key, ssl.passphrase]).toEqual(['-----BEGIN CERTIFICATE-----\nca\n-----END CERTIFICATE-----\n', 'CHAIN', 'KEY', 'secret']);
    expect(ssl.checkServerIdentity()).toBeUndefined();
  });

  it('rejects what the Node client cannot do, naming the option', () => {
    expect(() => config({ 'kafka.bootstrap.servers': 'b' })).toThrow("Invalid broker address 'b' in option 'kafka.bootstrap.servers': expected host:port");
    expect(() => config({ 'kafka.bootstrap.servers': 'b:1', 'kafka.security.protocol': 'TLS' })).toThrow(
      "Invalid value 'TLS' for option 'kafka.security.protocol', must be one of PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL",
    );
    expect(() => config({ 'kafka.bootstrap.servers': 'b:1', 'kafka.security.protocol': 'SASL_PLAINTEXT', 'kafka.sasl.mechanism': 'PLAIN' })).toThrow(
      "Option 'kafka.sasl.jaas.config' must be specified for SASL mechanism PLAIN (with username=\"...\" password=\"...\")",
    );
    expect(() => config({ 'kafka.bootstrap.servers': 'b:1', 'kafka.security.protocol': 'SSL', 'kafka.ssl.truststore.type': 'JKS', 'kafka.ssl.truststore.location': 'x.jks' })).toThrow(
      "Unsupported value 'JKS' for option 'kafka.ssl.truststore.type': the Node Kafka client reads PEM trust stores only",
    );
  });
});

describe('rateLimit (Spark\'s proportional split of maxOffsetsPerTrigger)', () => {
  const m = (o: Record<string, number>): Map<string, number> => new Map(Object.entries(o));

  it('splits by backlog, rounding shares down, but never below one offset', () => {
    // Backlogs 100 and 1 of 101: 10 * 100/101 = 9.9 -> 9; 10 * 1/101 = 0.099 -> 1.
    expect(rateLimit(10, m({ 't-0': 0, 't-1': 5 }), m({ 't-0': 100, 't-1': 6 }), new Map())).toEqual(m({ 't-0': 9, 't-1': 6 }));
  });

  it('starts new partitions at their earliest offset and leaves idle ones where they are', () => {
    expect(rateLimit(4, m({ 't-0': 7 }), m({ 't-0': 7, 't-1': 50 }), m({ 't-1': 40 }))).toEqual(m({ 't-0': 7, 't-1': 44 }));
  });

  it('gives everything when the limit covers the backlog', () => {
    expect(rateLimit(100, m({ 't-0': 0, 't-1': 0 }), m({ 't-0': 3, 't-1': 4 }), new Map())).toEqual(m({ 't-0': 3, 't-1': 4 }));
  });
});
