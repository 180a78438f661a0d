import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LONG, MemoryStream, STRING, StructType, col, upper } from 'caudal';
import { committedFiles, committedTexts, newSession, tempDir, useCleanup, withoutUuid } from './helpers/file-sink-fixture.ts';

useCleanup();

describe('text file sink', () => {
  it('writes one line per value (null as an empty line), a new .txt file per batch', async () => {
    const session = newSession();
    const dir = tempDir();
    const out = join(dir, 'out');
    const input = new MemoryStream(session, new StructType().add('value', STRING));
    const query = await input.toDF().select(upper(col('value')).alias('line')).writeStream.format('text')
      .option('checkpointLocation', join(dir, 'ck')).option('path', out).start();
    input.addData([['en un lugar'], [null], ['de la mancha, "de cuyo"']]);
    await query.processAllAvailable();
    input.addData([['  nombre  ']]);
    await query.processAllAvailable();
    await query.stop();
    expect(committedFiles(out).map(withoutUuid)).toEqual(['part-00000-<uuid>.c000.txt', 'part-00000-<uuid>.c000.txt']);
    expect(committedTexts(out)).toEqual(['EN UN LUGAR\n\nDE LA MANCHA, "DE CUYO"\n', '  NOMBRE  \n']);
  });

  it('takes lineSep, and a second column when it is a partition column', async () => {
    const session = newSession();
    const dir = tempDir();
    const out = join(dir, 'out');
    const input = new MemoryStream(session, new StructType().add('line', STRING).add('part', LONG));
    const query = await input.toDF().writeStream.format('text').partitionBy('part').option('lineSep', '|')
      .option('checkpointLocation', join(dir, 'ck')).start(out);
    input.addData([['a', 2], ['b', 1], ['c', 2]]);
    await query.processAllAvailable();
    await query.stop();
    expect(committedFiles(out).map(withoutUuid)).toEqual(['part=1/part-00000-<uuid>.c000.txt', 'part=2/part-00000-<uuid>.c000.txt']);
    expect(committedTexts(out)).toEqual(['b|', 'a|c|']);
  });
});
