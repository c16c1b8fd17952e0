// A real IndexedDB implementation in memory, so repositories run as they do in Chromium.
import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
