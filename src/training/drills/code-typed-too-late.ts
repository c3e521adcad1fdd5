/** Training drill `/training/code-typed-too-late/` (the list and how to add one: ./index.ts). */
import { answered, enabledOnPhone, refused } from '../judge';
import { choose, client, enterPhoneCode, remember, SAVE_BACKUP_CODE, SCAN_QR, wait } from '../path';
import type { Drill } from '../types';

export const codeTypedTooLate: Drill = {
  id: 'code-typed-too-late',
  title: 'Code typed too late',
  customer:
    'I type the code, but I am slow, and by the time I press Submit it says the code did not match. Is something wrong with my account?',
  goal: 'See why an old code is refused, how long a code stays valid, and what to tell a slow typist.',
  difficulty: 1,
  minutes: 4,
  start: 'enable',
  scenario: 'default',
  objectives: [
    {
      id: 'reproduce',
      text: 'Reproduce it: submit a code more than a minute after the phone showed it.',
      done: (s) => refused(s, 'expired'),
    },
    { id: 'enabled', text: 'Turn on 2FA with a fresh code.', done: enabledOnPhone },
    { id: 'advice', text: 'Advise the customer.', done: (s) => answered(s, 'advice') },
  ],
  keyObjective: 'enabled',
  hints: [
    'Scan the QR code, type the code into the field, and wait until the phone has shown two new codes before you press Submit.',
    'The server accepts the current 30-second window and one either side. An older code is refused as expired.',
    'Type the code the phone shows now and submit it straight away. “Pause the codes” gives a customer more time in this simulator.',
  ],
  choices: [
    {
      id: 'advice',
      prompt: 'What do you tell the customer?',
      options: [
        {
          text: 'Type the code the app shows now and submit it. If the ring is nearly empty, wait for the next code; the previous code is still accepted for a short while.',
          correct: true,
          explanation:
            'A code changes every 30 seconds, and the server also accepts the window just before and just after the current one. A code stays usable for roughly a minute, not longer.',
        },
        {
          text: 'Each code works for exactly 30 seconds: type faster.',
          correct: false,
          explanation:
            'The server also accepts the previous window, so a code typed just after it changed still works. Rushing is not the fix; typing the current code is.',
        },
        {
          text: 'Their account is locked: we will unlock it.',
          correct: false,
          explanation:
            'One refused code locks nothing: the enable window locks for a few minutes only after five wrong codes in a row. The message only means the code was too old; nothing on the account needs changing.',
        },
      ],
    },
  ],
  expectedRefusals: ['expired'],
  correctPath: [
    ...SCAN_QR,
    remember,
    wait(65_000),
    client((_, typed) => ({ type: 'enable.submit', code: typed })),
    enterPhoneCode(),
    ...SAVE_BACKUP_CODE,
    choose('advice', 0),
  ],
  wrongPath: [
    ...SCAN_QR,
    remember,
    wait(65_000),
    client((_, typed) => ({ type: 'enable.submit', code: typed })),
    choose('advice', 1),
  ],
};
