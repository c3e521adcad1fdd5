/** Training drill `/training/every-code-rejected/` (the list and how to add one: ./index.ts). */
import { answered, enabledOnPhone, phoneClockRight, refused } from '../judge';
import { choose, enterPhoneCode, phone, SAVE_BACKUP_CODE, SCAN_QR, wait } from '../path';
import type { Drill } from '../types';

export const everyCodeRejected: Drill = {
  id: 'every-code-rejected',
  title: 'Customer says every code is rejected',
  customer:
    'I scanned the QR code and typed the code from the app three times now. Every single code is rejected. I even changed my time zone, it made no difference!',
  goal: 'Find why every code fails, fix the phone’s clock (not its time zone) and finish the setup.',
  difficulty: 2,
  minutes: 6,
  start: 'enable',
  scenario: 'phone-clock-ahead',
  objectives: [
    {
      id: 'reproduce',
      text: 'Reproduce it: the phone’s code is refused.',
      done: (s) => refused(s, 'early', 'expired'),
    },
    { id: 'clock', text: 'Fix the phone’s clock.', done: phoneClockRight },
    { id: 'enabled', text: 'Turn on 2FA with a code from the phone.', done: enabledOnPhone },
    { id: 'advice', text: 'Tell the customer what to change on their phone.', done: (s) => answered(s, 'advice') },
  ],
  keyObjective: 'enabled',
  hints: [
    'The code is typed correctly, so compare the phone with the server: look at the phone’s status bar.',
    'Codes are computed from the phone’s clock. A clock more than about 30 seconds off gives codes the server does not expect.',
    'On the phone: Home, Settings, tick “Set time automatically”. Then type the code the app shows now.',
  ],
  choices: [
    {
      id: 'advice',
      prompt: 'What do you tell the customer to change?',
      options: [
        {
          text: 'Turn on “Set time automatically” in the phone’s Date & time settings.',
          correct: true,
          explanation:
            'The phone’s clock is 75 seconds fast, so the app shows the code of a later 30-second window. With the time set automatically, its codes match the server’s again.',
        },
        {
          text: 'Set the phone’s time zone to ours.',
          correct: false,
          explanation:
            'Codes come from the clock in universal time; the time zone only changes how the time is displayed. A wrong clock stays wrong in any time zone.',
        },
        {
          text: 'Delete Google Authenticator and install it again.',
          correct: false,
          explanation: 'Reinstalling does not touch the phone’s clock, so the new codes are refused just the same.',
        },
      ],
    },
  ],
  expectedRefusals: ['early', 'expired'],
  correctPath: [
    ...SCAN_QR,
    enterPhoneCode(),
    phone({ type: 'phone.clock.set-offset', ms: 0 }),
    enterPhoneCode(),
    ...SAVE_BACKUP_CODE,
    choose('advice', 0),
  ],
  wrongPath: [...SCAN_QR, enterPhoneCode(), wait(30_000), enterPhoneCode(), choose('advice', 1)],
};
