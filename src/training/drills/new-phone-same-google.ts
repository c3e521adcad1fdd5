/** Training drill `/training/new-phone-same-google/` (the list and how to add one: ./index.ts). */
import { answered, enabledOnPhone, succeeded } from '../judge';
import { BACKUP_LOGIN, choose, INSTALL_APP, logIn, loginPhoneCode } from '../path';
import type { Drill } from '../types';

export const newPhoneSameGoogle: Drill = {
  id: 'new-phone-same-google',
  title: 'New phone, same Google account',
  customer:
    'I have a new phone and signed in with the same Google account as on my old one. Do I have to set up two-factor authentication again?',
  goal: 'Install the app on the new phone, see the entry come back through Google sync, and log in with it.',
  difficulty: 1,
  minutes: 4,
  start: 'login-2fa',
  scenario: 'new-phone-same-google',
  objectives: [
    { id: 'install', text: 'Install Google Authenticator on the new phone.', done: (s) => s.phone.installed },
    { id: 'restored', text: 'Find the client area’s entry in the app.', done: enabledOnPhone },
    { id: 'login', text: 'Log in with the code from the new phone.', done: (s) => succeeded(s, 'signed-in') },
    { id: 'why', text: 'Explain why the entry came back.', done: (s) => answered(s, 'why') },
  ],
  keyObjective: 'login',
  hints: [
    'Start on the phone: the Play Store has Google Authenticator.',
    'Open the app after installing it: the phone is signed in to the same Google account as the old one.',
    "Log in with “I'm not a robot” ticked and type the code the restored entry shows. The backup code is not needed.",
  ],
  choices: [
    {
      id: 'why',
      prompt: 'Why did the entry come back on the new phone?',
      options: [
        {
          text: 'Google Authenticator synced it to the Google account, and the new phone is signed in to the same account.',
          correct: true,
          explanation:
            'With sync on, entries are backed up to the Google account and restored on any phone signed in to it.',
        },
        {
          text: 'The client area sent the codes to the new phone.',
          correct: false,
          explanation: 'The client area never sends codes: the app computes them from the key it holds.',
        },
        {
          text: 'Entries always come back on a new phone.',
          correct: false,
          explanation:
            'Only with the same Google account (and sync on). With another account nothing comes back; see the drill “New phone, another Google account”.',
        },
      ],
    },
  ],
  expectedRefusals: [],
  correctPath: [...INSTALL_APP, logIn(), loginPhoneCode(), choose('why', 0)],
  wrongPath: [...INSTALL_APP, logIn(), ...BACKUP_LOGIN, choose('why', 2)],
};
