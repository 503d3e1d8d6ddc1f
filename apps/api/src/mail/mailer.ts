import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import nodemailer from 'nodemailer';

export interface OutgoingMail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  /** What kind of message this is, for the log (never the address or the content). */
  readonly kind: 'password-reset' | 'invitation';
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
}

/**
 * SMTP when configured; otherwise each message is written as an .eml file to a local outbox
 * directory, and the log says where — never to whom or what it says.
 */
export function createMailer(options: {
  smtpUrl: string | undefined;
  from: string;
  outboxDir: string;
  log: FastifyBaseLogger;
}): Mailer {
  const { smtpUrl, from, outboxDir, log } = options;
  if (smtpUrl) {
    const transport = nodemailer.createTransport(smtpUrl);
    return {
      async send(mail) {
        await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
        log.info({ event: 'mail.sent', kind: mail.kind }, 'email sent by SMTP');
      },
    };
  }
  const render = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: 'unix',
  });
  return {
    async send(mail) {
      const message = await render.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
      });
      await mkdir(outboxDir, { recursive: true });
      const file = join(
        outboxDir,
        `${new Date().toISOString().replace(/[:.]/g, '-')}-${mail.kind}-${randomBytes(4).toString('hex')}.eml`,
      );
      await writeFile(file, message.message as Buffer, { mode: 0o600 });
      log.info(
        { event: 'mail.outbox', kind: mail.kind, file },
        'no SMTP configured: email written to the outbox',
      );
    },
  };
}
