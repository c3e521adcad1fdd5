/** Training drill `/training/happy-path/` (the list and how to add one: ./index.ts). */
import { backupCodeSaved, enabledOnPhone, signedIn } from '../judge';
import {
  client,
  enterPhoneCode,
  INSTALL_APP,
  logIn,
  OPEN_ENABLE_WINDOW,
  saveQuestion,
  SAVE_BACKUP_CODE,
  SCAN_QR,
} from '../path';
import type { Drill } from '../types';

export const happyPath: Drill = {
  id: 'happy-path',
  title: 'Turn on two-factor authentication, start to finish',
  customer:
    'I want to turn on two-factor authentication, but I have never used an authenticator app. Where do I start?',
  goal: 'Walk through the whole setup: log in, security question, app, QR code, backup code.',
  difficulty: 1,
  minutes: 5,
  start: 'login',
  scenario: 'default',
  objectives: [
    { id: 'login', text: 'Log in to the client area.', done: signedIn },
    {
      id: 'question',
      text: 'Set the security question (this host asks for it first).',
      done: (s) => s.server.question !== null,
    },
    { id: 'install', text: 'Install Google Authenticator on the phone.', done: (s) => s.phone.installed },
    { id: 'enabled', text: 'Turn on 2FA with a code from the phone.', done: enabledOnPhone },
    { id: 'backup', text: 'Save the backup code and close the window.', done: backupCodeSaved },
  ],
  keyObjective: 'enabled',
  hints: [
    "Tick “I'm not a robot” before you press Login.",
    'After the security question, Security Settings has “Click here to Enable”. The phone needs the app from the Play Store first.',
    'In the app, tap + and “Scan a QR code”, then type the 6 digits the new entry shows and press Submit.',
  ],
  choices: [],
  expectedRefusals: [],
  correctPath: [
    logIn(),
    saveQuestion(),
    ...OPEN_ENABLE_WINDOW,
    ...INSTALL_APP,
    ...SCAN_QR,
    enterPhoneCode(),
    ...SAVE_BACKUP_CODE,
  ],
  wrongPath: [
    logIn(),
    saveQuestion(),
    ...OPEN_ENABLE_WINDOW,
    ...INSTALL_APP,
    ...SCAN_QR,
    client({ type: 'enable.submit', code: '000000' }),
  ],
};
