/** Training drill `/training/unverified-caller/` (the list and how to add one: ./index.ts). */
import { answered, succeeded } from '../judge';
import { BACKUP_LOGIN, choose, logIn } from '../path';
import type { Drill } from '../types';

export const unverifiedCaller: Drill = {
  id: 'unverified-caller',
  title: '“Please just turn off my 2FA”',
  customer:
    'Hi, this is Alex Morgan, alex.morgan@example.com. I lost my phone and I need to get into my account right now. Please just turn off my two-factor authentication.',
  goal: 'Handle a request to turn off 2FA from a caller whose identity is not verified.',
  difficulty: 2,
  minutes: 4,
  start: 'login-2fa',
  scenario: 'lost-phone',
  customerHasBackupCode: true,
  objectives: [
    { id: 'verify', text: 'Decide what to do first.', done: (s) => answered(s, 'first') },
    { id: 'self-service', text: 'Choose the way back in.', done: (s) => answered(s, 'next') },
    {
      id: 'backup-login',
      text: 'Walk the customer through it: log in with the backup code.',
      done: (s) => succeeded(s, 'backup-login'),
    },
  ],
  keyObjective: 'verify',
  hints: [
    'Anyone can give a name and an email address. What protects the real Alex?',
    'Support turns 2FA off only after verifying the caller’s identity, and only when the customer has neither the phone nor the backup code.',
    'Verify first. Then ask about the backup code: with it, the customer gets in alone (“Login using Backup Code”).',
  ],
  choices: [
    {
      id: 'first',
      prompt: 'What do you do first?',
      options: [
        {
          text: 'Verify the caller’s identity by the company’s procedure before changing anything on the account.',
          correct: true,
          explanation:
            'Two-factor authentication exists to stop someone who knows a password. Turning it off for whoever asks would undo it; identity comes first.',
        },
        {
          text: 'Turn 2FA off: they gave the right name and email address.',
          correct: false,
          explanation:
            'Names and email addresses are easy to find. Turning off 2FA for an unverified caller could hand the account to an attacker.',
        },
        {
          text: 'Ask them to read out the 6-digit code from their app.',
          correct: false,
          explanation:
            'They have no phone, and support never asks for codes: a code read out to anyone is a code an attacker could use.',
        },
      ],
    },
    {
      id: 'next',
      prompt: 'Verified. The caller says they still have the backup code they saved. What now?',
      options: [
        {
          text: 'Guide them to “Login using Backup Code”; once in, they can turn 2FA off or move it to a new phone themselves.',
          correct: true,
          explanation:
            'The backup code exists for exactly this. The customer stays in control, and support changes nothing on the account.',
        },
        {
          text: 'Ask them to read the backup code to you, and log in for them.',
          correct: false,
          explanation: 'A backup code is a password. Never ask for it: the customer types it themselves.',
        },
        {
          text: 'Turn 2FA off for them anyway, to save time.',
          correct: false,
          explanation:
            'Not needed: with the backup code they can do it themselves. Support disables 2FA only when there is no other way in.',
        },
      ],
    },
  ],
  expectedRefusals: [],
  correctPath: [choose('first', 0), choose('next', 0), logIn(), ...BACKUP_LOGIN],
  wrongPath: [choose('first', 1), choose('next', 2)],
};
