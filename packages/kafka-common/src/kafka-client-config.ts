// Kept identical in packages/sources/src/kafka/ and packages/sinks/src/kafka/ (a test compares them):
// the two packages do not depend on each other, and core must not depend on kafkajs.
import { readFileSync } from 'node:fs';
import { OptionError, type Options } from '@caudal/core';
import { logLevel, type KafkaConfig, type SASLOptions } from 'kafkajs';
import type { ConnectionOptions } from 'node:tls';

/** Which Kafka client the `kafka.*` options configure; it decides the wording of errors, as in Spark. */
export type KafkaClientRole = 'consumer' | 'producer';

/**
 * The kafkajs client settings for a source's or sink's `kafka.*` options: brokers, TLS and SASL
 * (`security.protocol`, `sasl.mechanism`, `sasl.jaas.config` username/password, PEM or PKCS12 `ssl.*`),
 * timeouts and retry backoff. Fails with an OptionError naming the option for a value it cannot use.
 */
export function kafkaClientConfig(options: Options, role: KafkaClientRole, defaultClientId: string): KafkaConfig {
  const servers = options.get('kafka.bootstrap.servers');
  if (servers === undefined) {
    throw new OptionError(`Option 'kafka.bootstrap.servers' must be specified for configuring Kafka ${role}`);
  }
  const brokers = servers.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (brokers.length === 0) {
    throw new OptionError(`Option 'kafka.bootstrap.servers' must list at least one host:port, got '${servers}'`);
  }
  for (const b of brokers) {
    if (!/^(\[[^\]]+\]|[^:\s]+):[0-9]{1,5}$/.test(b)) {
      throw new OptionError(`Invalid broker address '${b}' in option 'kafka.bootstrap.servers': expected host:port`);
    }
  }
  const protocol = (options.get('kafka.security.protocol') ?? 'PLAINTEXT').trim().toUpperCase();
  if (!['PLAINTEXT', 'SSL', 'SASL_PLAINTEXT', 'SASL_SSL'].includes(protocol)) {
    throw new OptionError(
      `Invalid value '${options.get('kafka.security.protocol')}' for option 'kafka.security.protocol', must be one of PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL`,
    );
  }
  const config: KafkaConfig = {
    clientId: options.get('kafka.client.id') ?? defaultClientId,
    brokers,
    logLevel: logLevel.NOTHING,
    connectionTimeout: positiveMs(options, 'kafka.socket.connection.setup.timeout.ms', 3000),
    requestTimeout: positiveMs(options, 'kafka.request.timeout.ms', 30_000),
    retry: {
      initialRetryTime: positiveMs(options, 'kafka.retry.backoff.ms', 100),
      maxRetryTime: positiveMs(options, 'kafka.retry.backoff.max.ms', 1000),
      retries: 5,
    },
  };
  if (protocol === 'SSL' || protocol === 'SASL_SSL') config.ssl = tlsOptions(options);
  if (protocol === 'SASL_PLAINTEXT' || protocol === 'SASL_SSL') config.sasl = saslOptions(options);
  return config;
}

function positiveMs(options: Options, key: string, fallback: number): number {
  return options.getInt(key, fallback, 1);
}

function saslOptions(options: Options): SASLOptions {
  const mechanism = (options.get('kafka.sasl.mechanism') ?? 'GSSAPI').trim().toUpperCase();
  const jaas = options.get('kafka.sasl.jaas.config');
  if (mechanism !== 'PLAIN' && mechanism !== 'SCRAM-SHA-256' && mechanism !== 'SCRAM-SHA-512') {
    throw new OptionError(
      `Unsupported value '${options.get('kafka.sasl.mechanism') ?? 'GSSAPI (the default)'}' for option 'kafka.sasl.mechanism': ` +
        'the Node Kafka client supports PLAIN, SCRAM-SHA-256 and SCRAM-SHA-512',
    );
  }
  if (jaas === undefined) {
    throw new OptionError(`Option 'kafka.sasl.jaas.config' must be specified for SASL mechanism ${mechanism} (with username="..." password="...")`);
  }
  const username = jaasValue(jaas, 'username');
  const password = jaasValue(jaas, 'password');
  if (username === undefined || password === undefined) {
    throw new OptionError(`Option 'kafka.sasl.jaas.config' must set username="..." and password="..." for SASL mechanism ${mechanism}`);
  }
  if (mechanism === 'PLAIN') return { mechanism: 'plain', username, password };
  if (mechanism === 'SCRAM-SHA-256') return { mechanism: 'scram-sha-256', username, password };
  return { mechanism: 'scram-sha-512', username, password };
}

/** `key="value"` from a JAAS line such as `...PlainLoginModule required username="u" password="p";`. */
function jaasValue(jaas: string, key: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${key}\\s*=\\s*"((?:[^"\\\\]|\\\\.)*)"`).exec(jaas);
  return m?.[1]?.replace(/\\(.)/g, '$1');
}

function tlsOptions(options: Options): ConnectionOptions | true {
  const tls: ConnectionOptions = {};
  const trustType = (options.get('kafka.ssl.truststore.type') ?? 'PEM').trim().toUpperCase();
  const trustInline = options.get('kafka.ssl.truststore.certificates');
  const trustFile = options.get('kafka.ssl.truststore.location');
  if (trustInline !== undefined || trustFile !== undefined) {
    if (trustType !== 'PEM') {
      throw new OptionError(`Unsupported value '${trustType}' for option 'kafka.ssl.truststore.type': the Node Kafka client reads PEM trust stores only`);
    }
    tls.ca = trustInline ?? readOptionFile(trustFile!, 'kafka.ssl.truststore.location');
  }
  const keyType = (options.get('kafka.ssl.keystore.type') ?? 'PEM').trim().toUpperCase();
  const keyFile = options.get('kafka.ssl.keystore.location');
  const keyPassword = options.get('kafka.ssl.key.password') ?? options.get('kafka.ssl.keystore.password');
  if (keyType === 'PKCS12') {
    if (keyFile === undefined) throw new OptionError("Option 'kafka.ssl.keystore.location' must be specified for a PKCS12 key store");
    tls.pfx = readFileSync(keyFile);
    const storePassword = options.get('kafka.ssl.keystore.password');
    if (storePassword !== undefined) tls.passphrase = storePassword;
  } else if (keyType === 'PEM') {
    const chain = options.get('kafka.ssl.keystore.certificate.chain');
    const key = options.get('kafka.ssl.keystore.key');
    if (chain !== undefined || key !== undefined) {
      if (chain === undefined || key === undefined) {
        throw new OptionError("Options 'kafka.ssl.keystore.certificate.chain' and 'kafka.ssl.keystore.key' must be given together");
      }
      tls.cert = chain;
      tls.key = key;
    } else if (keyFile !== undefined) {
      // One PEM file with the private key and the certificate chain, as Kafka's PEM key store.
      const pem = readOptionFile(keyFile, 'kafka.ssl.keystore.location');
      tls.cert = pem;
      tls.key = pem;
    }
    if (keyPassword !== undefined) tls.passphrase = keyPassword;
  } else {
    throw new OptionError(`Unsupported value '${keyType}' for option 'kafka.ssl.keystore.type': use PEM or PKCS12`);
  }
  // An empty endpoint identification algorithm turns host name checking off, as in the Java client.
  if (options.has('kafka.ssl.endpoint.identification.algorithm') && options.get('kafka.ssl.endpoint.identification.algorithm')!.trim() === '') {
    tls.checkServerIdentity = () => undefined;
  }
  return Object.keys(tls).length === 0 ? true : tls;
}

function readOptionFile(path: string, key: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new OptionError(`Cannot read the file '${path}' of option '${key}': ${e instanceof Error ? e.message : String(e)}`);
  }
}
