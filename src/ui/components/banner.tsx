import { Text } from 'ink';
import type { Banner as BannerData } from '../state.js';
import { type Tone, toneColor, useTheme } from '../theme.js';

const TONE: Record<BannerData['tone'], Tone> = { info: 'info', good: 'good', warn: 'warn', error: 'bad' };
const MARK: Record<BannerData['tone'], string> = { info: 'ℹ', good: '✔', warn: '!', error: '✘' };

/** One message line above the key hints (a saved record, a cancelled apply, a lost connection). */
export function Banner({ banner }: { readonly banner: BannerData }): React.JSX.Element {
  return (
    <Text color={toneColor(useTheme(), TONE[banner.tone])} bold={banner.tone === 'error'} wrap="wrap">
      {`${MARK[banner.tone]} ${banner.text}`}
    </Text>
  );
}
