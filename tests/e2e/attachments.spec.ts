import { execFileSync } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import { attachmentStore, openPreview, printPreviewToPdf, registerCases } from './support/print';
import { setUpPropertyDesk } from './support/print-forms';
import { testExifSegment } from '../../shared/attachments/test-files';

/**
 * Attachments (issue 14): a photo pasted from the clipboard and a PDF dropped on the case page
 * appear as thumbnails, survive a reload, open in the viewer and print in the annex of the
 * handling record; a file over the limit and a program renamed .jpg are refused with their
 * reason, and nothing of them is stored.
 */

/** A one-page PDF with a line of text, offsets computed so that readers accept it. */
function onePagePdf(text: string): number[] {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${`BT /F1 24 Tf 72 760 Td (${text}) Tj ET`.length} >>\nstream\nBT /F1 24 Tf 72 760 Td (${text}) Tj ET\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return [...Buffer.from(body, 'latin1')];
}

/** Pastes a drawn PNG photo as a clipboard paste event carrying a File. */
async function pastePhoto(page: Page, name: string) {
  await page.evaluate(async (fileName) => {
    const canvas = document.createElement('canvas');
    canvas.width = 640;
    canvas.height = 480;
    const g = canvas.getContext('2d');
    if (!g) throw new Error('no 2d context');
    g.fillStyle = '#3a7bd5';
    g.fillRect(0, 0, 640, 480);
    g.fillStyle = '#f5c518';
    g.fillRect(160, 120, 320, 240);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('no PNG');
    const data = new DataTransfer();
    data.items.add(new File([blob], fileName, { type: 'image/png' }));
    document.body.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, name);
}

/** Drops files made of the given bytes on the attachment drop area. */
async function dropFiles(
  page: Page,
  files: readonly { name: string; type: string; bytes?: number[]; size?: number }[],
) {
  const area = page.getByTestId('attachment-drop-area');
  await area.evaluate((element, list) => {
    const data = new DataTransfer();
    for (const f of list) {
      const content = f.bytes ? new Uint8Array(f.bytes) : new Uint8Array(f.size ?? 0);
      data.items.add(new File([content], f.name, { type: f.type }));
    }
    for (const type of ['dragenter', 'dragover', 'drop']) {
      element.dispatchEvent(
        new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }),
      );
    }
  }, files);
}

test('attachments: paste, drop, reload, view, print in the annex; refusals store nothing', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const desk = await setUpPropertyDesk(page);
  const [created] = await registerCases(page, [
    {
      customerName: '赵敏',
      phone: '13911112222',
      address: '3栋2单元0601室',
      kindId: 'complaint',
      subject: '卫生间顶棚漏水',
      content: '楼上住户卫生间漏水，顶棚渗水发霉。',
      demand: '尽快维修并赔偿',
    },
  ]);
  if (!created) throw new Error('no case');
  await page.goto(`/#/cases/${created.id}`);
  const panel = page.getByRole('region', { name: '附件' });
  await expect(panel).toContainText('暂无附件');

  await test.step('paste a photo from the clipboard, with a caption', async () => {
    await panel.getByLabel('附件说明（可选）').fill('顶棚渗水照片');
    await pastePhoto(page, '现场照片.png');
    await expect(panel.getByRole('status')).toContainText('已添加 现场照片.png');
    await expect(panel.getByRole('img', { name: '现场照片.png 的缩略图' })).toBeVisible();
  });

  await test.step('drop a PDF on the case page', async () => {
    await panel.getByLabel('附件说明（可选）').fill('维修报价单');
    await dropFiles(page, [
      { name: '报价单.pdf', type: 'application/pdf', bytes: onePagePdf('Repair quote 1280 yuan') },
    ]);
    await expect(panel.getByRole('status')).toContainText('已添加 报价单.pdf');
    const list = panel.getByRole('list', { name: '本件附件' });
    await expect(list.getByRole('listitem')).toHaveCount(2);
    await expect(list).toContainText('维修报价单');
  });

  const stored = await attachmentStore(page, created.id);
  expect(stored.files).toBe(2);

  await test.step('refused: a program renamed .jpg, a file over 25 MB, nothing stored', async () => {
    await dropFiles(page, [
      {
        name: '照片.jpg',
        type: 'image/jpeg',
        bytes: [
          ...Buffer.from(
            'MZ\x90\x00\x03\x00\x00\x00This program cannot be run in DOS mode',
            'latin1',
          ),
        ],
      },
      { name: '录像.mp3', type: 'audio/mpeg', size: 26 * 1024 * 1024 },
    ]);
    const alerts = panel.getByRole('alert');
    await expect(
      alerts.filter({ hasText: '「照片.jpg」是可执行程序，不能作为附件。' }),
    ).toBeVisible();
    await expect(
      alerts.filter({ hasText: '「录像.mp3」超过单个附件的大小上限 25.0 MB，未添加。' }),
    ).toBeVisible();
    // A lying extension: a PDF named .jpg.
    await dropFiles(page, [
      { name: '伪装.jpg', type: 'image/jpeg', bytes: onePagePdf('not a photo') },
    ]);
    await expect(alerts.filter({ hasText: '「伪装.jpg」的扩展名与文件内容不符' })).toBeVisible();
    expect(await attachmentStore(page, created.id)).toEqual(stored);
    await desk.screenshot('att-case-page');
  });

  await test.step('after a reload the thumbnails are still there and open in the viewer', async () => {
    await page.reload();
    const list = page.getByRole('list', { name: '本件附件' });
    await expect(list.getByRole('listitem')).toHaveCount(2);
    await expect(page.getByRole('img', { name: '现场照片.png 的缩略图' })).toBeVisible();
    const natural = await page
      .getByRole('img', { name: '现场照片.png 的缩略图' })
      .evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight]);
    expect(natural).toEqual([320, 240]);

    await page.getByRole('button', { name: '查看 现场照片.png' }).click();
    const viewer = page.getByRole('dialog', { name: '现场照片.png' });
    const photo = viewer.getByRole('img', { name: '顶棚渗水照片' });
    await expect(photo).toBeVisible();
    expect(await photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(640);
    await desk.screenshot('att-viewer-photo');
    await viewer.getByRole('button', { name: '关闭' }).click();

    await page.getByRole('button', { name: '查看 报价单.pdf' }).click();
    const pdfViewer = page.getByRole('dialog', { name: '报价单.pdf' });
    const frame = pdfViewer.locator('iframe[title="PDF 文件 报价单.pdf"]');
    await expect(frame).toBeVisible();
    const head = await frame.evaluate(async (element: HTMLIFrameElement) => {
      const response = await fetch(element.src);
      return [response.headers.get('content-type'), (await response.text()).slice(0, 8)];
    });
    expect(head).toEqual(['application/pdf', '%PDF-1.4']);
    await pdfViewer.getByRole('button', { name: '关闭' }).click();
  });

  await test.step('the customer file shows the household’s attachments', async () => {
    await page.goto('/#/customers');
    await page.getByRole('link', { name: '赵敏' }).click();
    const files = page.getByRole('list', { name: '该客户的附件' });
    await expect(files.getByRole('listitem')).toHaveCount(2);
    await expect(files.getByRole('img', { name: '现场照片.png 的缩略图' })).toBeVisible();
    await expect(files).toContainText('维修报价单');
    await expect(files.getByRole('link', { name: /卫生间顶棚漏水/ }).first()).toBeVisible();
  });

  await test.step('settings show the space attachments take, and the limits', async () => {
    await page.goto('/#/settings');
    const section = page.getByRole('region', { name: '附件存储' });
    await expect(section).toContainText('附件共 2 个文件');
    await expect(section).toContainText('浏览器存储已用');
    await expect(section.getByLabel('单个附件上限（MB）')).toHaveValue('25');
    await expect(section.getByLabel('保留照片中的位置信息（GPS）')).not.toBeChecked();
    await desk.screenshot('att-settings');
  });

  await test.step('the handling record lists both files and prints the photo in its annex', async () => {
    await openPreview(page, `/print/handlingRecord?cases=${created.id}`, '客户投诉/需求处理单');
    const annexImages = page.locator('.pf-print-root img.pf-annex-image, img.pf-annex-image');
    await expect(annexImages.first()).toBeVisible();
    await expect
      .poll(() =>
        annexImages.evaluateAll((images) =>
          images.every(
            (i) => (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth === 640,
          ),
        ),
      )
      .toBe(true);
    await desk.screenshot('att-handling-record-preview');
    const pdf = await printPreviewToPdf(page, 'att-handling-record');
    const text = pdf.pageTexts.join('');
    for (const words of [
      '附件',
      '现场照片.png',
      '报价单.pdf',
      '维修报价单',
      '附件图片',
      '图1顶棚渗水照片',
    ]) {
      expect(text).toContain(words);
    }
    // The PDF attachment is listed but not in the annex: one caption only.
    expect(text).not.toContain('图2');
    const images = execFileSync('pdfimages', ['-list', pdf.path], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .filter((line) => /\bimage\b/.test(line));
    expect(images.length).toBeGreaterThanOrEqual(1);
    // The photo itself is printed (640 px wide), not its 320 px thumbnail.
    const widths = images.map((line) => Number(line.trim().split(/\s+/)[3]));
    expect(Math.max(...widths)).toBeGreaterThan(320);
  });

  await test.step('removing keeps the file, and the administrator restores it', async () => {
    await page.goto(`/#/cases/${created.id}`);
    const list = page.getByRole('list', { name: '本件附件' });
    await page.getByRole('button', { name: '移除 报价单.pdf' }).click();
    const dialog = page.getByRole('dialog', { name: '移除附件' });
    await dialog.getByLabel('移除原因（可选）').fill('报价单有误');
    await dialog.getByRole('button', { name: '移除' }).click();
    await expect(list.getByRole('listitem')).toHaveCount(1);
    expect((await attachmentStore(page, created.id)).files).toBe(2);
    const removed = page.getByRole('list', { name: '已移除的附件（管理员可恢复）' });
    await expect(removed).toContainText('报价单.pdf');
    await page.getByRole('button', { name: '恢复 报价单.pdf' }).click();
    await expect(list.getByRole('listitem')).toHaveCount(2);
    await expect(removed).toHaveCount(0);
    await expect(page.getByRole('region', { name: '办理记录' })).toContainText('报价单有误');
  });
});

test('intake: files given on the form are checked at once and added when the case is saved', async ({
  page,
}) => {
  const desk = await setUpPropertyDesk(page);
  await desk.goIntake();
  const form = page.getByRole('form', { name: '受理登记' });
  await form.getByLabel('客户姓名').fill('孙伟');
  await form.getByLabel('联系电话').fill('13900001111');
  await form.getByLabel('客户房号').fill('8-0302');
  await form.getByLabel('类型').selectOption({ label: '投诉' });
  await form.getByLabel('主题').fill('楼道照明长期不亮');
  await form.getByLabel('诉求内容').fill('8栋3楼楼道灯坏了两周。');
  await form.getByLabel('客户要求').fill('尽快修好');
  await form.getByLabel('附件说明（可选）').fill('业主来信');
  await form.getByLabel('添加附件').setInputFiles([
    {
      name: '来信.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('物业：楼道灯坏了两周，请修。'),
    },
    {
      name: 'setup.jpg',
      mimeType: 'image/jpeg',
      buffer: Buffer.from('MZ\x90\x00program', 'latin1'),
    },
  ]);
  await expect(
    form.getByRole('alert').filter({ hasText: '「setup.jpg」是可执行程序' }),
  ).toBeVisible();
  const pending = form.getByRole('list', { name: '保存时添加的附件' });
  await expect(pending.getByRole('listitem')).toHaveCount(1);
  await expect(pending).toContainText('来信.txt');
  await desk.screenshot('att-intake');
  await form.getByLabel('客户要求').press('Control+Enter');
  const saved = page.getByRole('alert').filter({ hasText: '已登记，编号' });
  await expect(saved).toBeVisible();
  await expect(form.getByRole('status')).toContainText('已添加 来信.txt');
  await saved.getByRole('link').click();
  const list = page.getByRole('list', { name: '本件附件' });
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list).toContainText('业主来信');
  // A text file is not opened inside the desk: it is saved to disk.
  await expect(list.getByRole('button', { name: '保存 来信.txt' })).toBeVisible();
});

test('a phone photo: its GPS is removed from the stored copy, its thumbnail is upright', async ({
  page,
}) => {
  await setUpPropertyDesk(page);
  const [created] = await registerCases(page, [
    {
      customerName: '钱进',
      phone: '13900002222',
      kindId: 'complaint',
      subject: '外墙渗水',
      content: '外墙渗水',
      demand: '维修',
    },
  ]);
  if (!created) throw new Error('no case');
  await page.goto(`/#/cases/${created.id}`);
  // The paste listener is the panel's: paste only once the case page shows it.
  const panel = page.getByRole('region', { name: '附件' });
  await expect(panel).toBeVisible();
  // Orientation 6: the camera was turned, the picture is stored on its side (640 by 480).
  const exif = testExifSegment({ orientation: 6, gps: { lat: 31, lon: 121 } });
  await page.evaluate(async (segment) => {
    const canvas = document.createElement('canvas');
    canvas.width = 640;
    canvas.height = 480;
    const g = canvas.getContext('2d');
    if (!g) throw new Error('no 2d context');
    g.fillStyle = '#2e7d32';
    g.fillRect(0, 0, 640, 480);
    const blob = await new Promise<Blob | null>((resolve) =>
      canvas.toBlob(resolve, 'image/jpeg', 0.9),
    );
    if (!blob) throw new Error('no JPEG');
    const photo = new File(
      [blob.slice(0, 2), new Uint8Array(segment), blob.slice(2)],
      'IMG_0042.jpg',
      {
        type: 'image/jpeg',
      },
    );
    const data = new DataTransfer();
    data.items.add(photo);
    document.body.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true }),
    );
  }, exif);
  await expect(panel.getByRole('status')).toContainText('已添加 IMG_0042.jpg');
  await expect(panel).toContainText('已去除位置信息');
  const thumbnail = panel.getByRole('img', { name: 'IMG_0042.jpg 的缩略图' });
  await expect(thumbnail).toBeVisible();
  // Upright: the thumbnail is taller than wide (240 by 320).
  expect(
    await thumbnail.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight]),
  ).toEqual([240, 320]);
  await page.getByRole('button', { name: '查看 IMG_0042.jpg' }).click();
  const stored = await page
    .getByRole('dialog', { name: 'IMG_0042.jpg' })
    .getByRole('img')
    .evaluate(async (img: HTMLImageElement) => {
      const bytes = new Uint8Array(await (await fetch(img.src)).arrayBuffer());
      const head = bytes.subarray(0, 200);
      const text = String.fromCharCode(...head);
      // The GPS pointer tag 0x8825, in either byte order.
      const gpsTag = head.some(
        (b, i) => (b === 0x88 && head[i + 1] === 0x25) || (b === 0x25 && head[i + 1] === 0x88),
      );
      return {
        exif: text.includes('Exif'),
        gpsTag,
        cameraMake: text.includes('Canon'),
        upright: [img.naturalWidth, img.naturalHeight],
      };
    });
  // The stored copy keeps an Exif segment (the orientation) but none of the camera's others.
  expect(stored).toEqual({ exif: true, gpsTag: false, cameraMake: false, upright: [480, 640] });
});
