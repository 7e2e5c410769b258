import { Text } from 'ink';
import type { Banner as BannerData } from '../../wizard/state.js';
import { wrapText } from '../text.js';
import { type Tone, toneColor, useTheme } from '../theme.js';

const TONE: Record<BannerData['tone'], Tone> = { info: 'info', good: 'good', warn: 'warn', error: 'bad' };
const MARK: Record<BannerData['tone'], string> = { info: 'ℹ', good: '✔', warn: '!', error: '✘' };

/** The banner wrapped to the frame's width, so the frame can set aside exactly this many rows. */
export function bannerLines(banner: BannerData, width: number): string[] {
  return wrapText(`${MARK[banner.tone]} ${banner.text}`, width - 1);
}

/** One message above the key hints (a saved record, a cancelled apply, a lost connection). */
export function Banner({ banner, width }: { readonly banner: BannerData; readonly width: number }): React.JSX.Element {
  return (
    <Text color={toneColor(useTheme(), TONE[banner.tone])} bold={banner.tone === 'error'} wrap="truncate-end">
      {bannerLines(banner, width).join('\n')}
    </Text>
  );
}
