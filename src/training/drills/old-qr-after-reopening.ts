/** Training drill `/training/old-qr-after-reopening/` (the list and how to add one: ./index.ts). */
import { answered, enabledOnPhone, onlyCurrentEntries, refused } from '../judge';
import { choose, client, enterPhoneCode, OPEN_ENABLE_WINDOW, phone, SAVE_BACKUP_CODE, SCAN_QR, wait } from '../path';
import type { Drill } from '../types';

export const oldQrAfterReopening: Drill = {
  id: 'old-qr-after-reopening',
  title: 'Scanned the QR code, then reopened the window',
  customer:
    'I scanned the QR code, then closed the window to look for my phone. When I opened “Enable” again and typed the code from the app, it said it did not match.',
  goal: 'Understand why reopening the window makes an earlier scan useless, and set up 2FA with the new QR code.',
  difficulty: 2,
  minutes: 5,
  start: 'enable',
  scenario: 'default',
  objectives: [
    {
      id: 'reproduce',
      text: 'Reproduce it: scan, close and reopen the window, and type the code of the earlier entry.',
      done: (s) => refused(s, 'stale-secret'),
    },
    { id: 'enabled', text: 'Turn on 2FA with an entry scanned from the window that is open.', done: enabledOnPhone },
    { id: 'tidy', text: 'Delete the outdated entry from the app.', done: onlyCurrentEntries },
    { id: 'advice', text: 'Advise the customer.', done: (s) => answered(s, 'advice') },
  ],
  keyObjective: 'enabled',
  hints: [
    'Compare the key in the window now with the one you scanned before: open “Under the hood” if a trainer has switched it on, or look at the entries in the app.',
    'Every time the Enable window opens, the client area makes a new key. Codes of the earlier key no longer match.',
    'Delete the old entry (the × next to it), scan the QR code in the window that is open now, and type the new entry’s code.',
  ],
  choices: [
    {
      id: 'advice',
      prompt: 'What do you tell the customer?',
      options: [
        {
          text: 'Delete the entry you scanned before, scan the QR code in the window that is open now, and type that entry’s code.',
          correct: true,
          explanation:
            'Closing the window threw its key away; reopening it made a new key. Only an entry scanned from the open window has the key the server checks.',
        },
        {
          text: 'Wait for the next code from the same entry and try again.',
          correct: false,
          explanation:
            'Every code of the old entry comes from the old key, which the server no longer uses: waiting does not help.',
        },
        {
          text: 'Close and reopen the window until the code works.',
          correct: false,
          explanation:
            'Each reopening makes yet another key, so the old entry drifts further away. Scan the QR code that is on screen.',
        },
      ],
    },
  ],
  expectedRefusals: ['stale-secret'],
  correctPath: [
    ...SCAN_QR,
    client({ type: 'enable.close' }),
    ...OPEN_ENABLE_WINDOW,
    enterPhoneCode(),
    phone((sim) => ({ type: 'phone.account.remove', id: sim.phoneView().accounts[0]?.id ?? '' })),
    ...SCAN_QR,
    enterPhoneCode(),
    ...SAVE_BACKUP_CODE,
    choose('advice', 0),
  ],
  wrongPath: [
    ...SCAN_QR,
    client({ type: 'enable.close' }),
    ...OPEN_ENABLE_WINDOW,
    enterPhoneCode(),
    wait(30_000),
    enterPhoneCode(),
    choose('advice', 1),
  ],
};
