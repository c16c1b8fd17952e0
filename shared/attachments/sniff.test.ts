import { describe, expect, it } from 'vitest';
import { attachmentSniff, fileExtension } from './sniff';
import { bytesOf, testJpeg } from './test-files';

const PNG = bytesOf([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 'IHDR');
const PDF = bytesOf('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj');
const ZIP = bytesOf([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0], '[Content_Types].xml');
const OLE2 = bytesOf([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
const WAV = bytesOf('RIFF', [0x24, 0, 0, 0], 'WAVEfmt ');
const MP3_ID3 = bytesOf('ID3', [4, 0, 0, 0, 0, 0, 0]);
const MP3_FRAME = bytesOf([0xff, 0xfb, 0x90, 0x64, 0, 0]);
const M4A = bytesOf([0, 0, 0, 0x20], 'ftypM4A ', [0, 0, 0, 0]);
const EXE = bytesOf('MZ', [0x90, 0, 3, 0, 0, 0, 4, 0], 'This program cannot be run in DOS mode');
const ELF = bytesOf([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]);
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('attachmentSniff: the type comes from the content', () => {
  it.each([
    ['photo.jpg', testJpeg({ orientation: 6 }), 'image', 'image/jpeg', true],
    ['scan.png', PNG, 'image', 'image/png', true],
    ['anim.gif', bytesOf('GIF89a', [1, 0, 1, 0]), 'image', 'image/gif', true],
    ['pic.webp', bytesOf('RIFF', [0, 0, 0, 0], 'WEBPVP8 '), 'image', 'image/webp', true],
    ['letter.pdf', PDF, 'pdf', 'application/pdf', true],
    [
      'report.docx',
      ZIP,
      'office',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      false,
    ],
    [
      'sheet.xlsx',
      ZIP,
      'office',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      false,
    ],
    ['old.doc', OLE2, 'office', 'application/msword', false],
    ['old.xls', OLE2, 'office', 'application/vnd.ms-excel', false],
    ['call.wav', WAV, 'audio', 'audio/wav', false],
    ['call.mp3', MP3_ID3, 'audio', 'audio/mpeg', false],
    ['call.mp3', MP3_FRAME, 'audio', 'audio/mpeg', false],
    ['call.m4a', M4A, 'audio', 'audio/mp4', false],
    ['notes.txt', utf8('客户来电称：电梯\r\n\t三天未修'), 'text', 'text/plain', false],
    ['README', utf8('plain words'), 'text', 'text/plain', false],
    ['logo.svg', utf8('<?xml version="1.0"?>\n<svg xmlns="x">'), 'markup', 'image/svg+xml', false],
    ['page.html', utf8('  <!DOCTYPE html><html>'), 'markup', 'text/html', false],
  ])('%s', (name, head, kind, mediaType, inline) => {
    expect(attachmentSniff(head, name)).toEqual({ ok: true, kind, mediaType, inline });
  });

  it('names a photo by its content even when its name says another image type', () => {
    expect(attachmentSniff(PNG, 'photo.jpg')).toMatchObject({ ok: true, mediaType: 'image/png' });
  });

  it('reads text whose head ends inside a multi-byte character', () => {
    const text = utf8('投诉内容');
    expect(attachmentSniff(text.subarray(0, text.length - 1), 'a.txt')).toMatchObject({
      ok: true,
      kind: 'text',
    });
  });

  it('treats HTML named .txt as markup, never renderable', () => {
    expect(attachmentSniff(utf8('<html><script>'), 'notes.txt')).toMatchObject({
      ok: true,
      kind: 'markup',
      inline: false,
    });
  });
});

describe('attachmentSniff: refusals', () => {
  it('refuses a program whatever its name says', () => {
    expect(attachmentSniff(EXE, 'photo.jpg')).toEqual({ ok: false, refusal: 'executable' });
    expect(attachmentSniff(EXE, 'setup.exe')).toEqual({ ok: false, refusal: 'executable' });
    expect(attachmentSniff(ELF, 'a.pdf')).toEqual({ ok: false, refusal: 'executable' });
    expect(attachmentSniff(utf8('#!/bin/sh\nrm -rf'), 'notes.txt')).toEqual({
      ok: false,
      refusal: 'executable',
    });
  });

  it('refuses a name that claims another family than the content (a lying extension)', () => {
    expect(attachmentSniff(PDF, 'photo.jpg')).toEqual({
      ok: false,
      refusal: 'extensionMismatch',
      detected: 'application/pdf',
    });
    expect(attachmentSniff(utf8('hello'), 'scan.pdf')).toMatchObject({
      refusal: 'extensionMismatch',
    });
    expect(attachmentSniff(testJpeg(), 'call.mp3')).toMatchObject({ refusal: 'extensionMismatch' });
  });

  it('refuses binary content of no accepted type, and an empty file', () => {
    expect(attachmentSniff(bytesOf([0, 1, 2, 3, 0xfe, 0x80]), 'data.bin')).toEqual({
      ok: false,
      refusal: 'unknownType',
    });
    // A ZIP that is not an Office document (the name decides between the OOXML formats).
    expect(attachmentSniff(ZIP, 'archive.zip')).toEqual({ ok: false, refusal: 'unknownType' });
    expect(attachmentSniff(new Uint8Array(0), 'a.txt')).toEqual({ ok: false, refusal: 'empty' });
  });
});

describe('fileExtension', () => {
  it.each([
    ['IMG_0001.JPG', 'jpg'],
    ['a.tar.gz', 'gz'],
    ['.bashrc', ''],
    ['noext', ''],
    ['trailing.', ''],
  ])('%s', (name, ext) => {
    expect(fileExtension(name)).toBe(ext);
  });
});
