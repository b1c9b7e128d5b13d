import type { MenuItemConstructorOptions } from 'electron';
import type { Translate } from '../core/i18n/translator';

/** The application menu, in the UI's language. Roles keep the platform's own behaviour. */
export function buildMenuTemplate(t: Translate, actions: { about(): void }): MenuItemConstructorOptions[] {
  return [
    { label: t('menu:file'), submenu: [{ role: 'quit', label: t('menu:quit') }] },
    {
      label: t('menu:edit'),
      submenu: [
        { role: 'undo', label: t('menu:undo') },
        { role: 'redo', label: t('menu:redo') },
        { type: 'separator' },
        { role: 'cut', label: t('menu:cut') },
        { role: 'copy', label: t('menu:copy') },
        { role: 'paste', label: t('menu:paste') },
        { role: 'selectAll', label: t('menu:selectAll') },
      ],
    },
    {
      label: t('menu:view'),
      submenu: [
        { role: 'zoomIn', label: t('menu:zoomIn') },
        { role: 'zoomOut', label: t('menu:zoomOut') },
        { role: 'resetZoom', label: t('menu:resetZoom') },
        { type: 'separator' },
        { role: 'togglefullscreen', label: t('menu:fullscreen') },
      ],
    },
    {
      label: t('menu:window'),
      submenu: [
        { role: 'minimize', label: t('menu:minimize') },
        { role: 'close', label: t('menu:close') },
      ],
    },
    { label: t('menu:help'), submenu: [{ label: t('menu:about'), click: () => actions.about() }] },
  ];
}
