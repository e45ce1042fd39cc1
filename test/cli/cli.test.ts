/**
 * The `news-archive` command as an editor runs it: spawned in a project folder, with its help, exit codes,
 * messages, the check table, and a rerun that writes nothing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { tempDir } from '../temp-dir.js';

const root = path.resolve(import.meta.dirname, '../..');
const cli = path.join(root, 'src/cli.ts');
const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const SEED = '000_b18dfdda09c05dd9.txt';

/** A project folder with the seed page in `seeds/`. */
function project(): string {
  const dir = tempDir('news-archive-cli-');
  mkdirSync(path.join(dir, 'seeds'));
  copyFileSync(path.join(root, 'test/fixtures/seeds', SEED), path.join(dir, 'seeds', SEED));
  return dir;
}

function run(cwd: string, ...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', tsx, cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const EXIT_CODES = [
  'Exit codes:',
  '  0  done (warnings allowed)',
  '  1  errors in the input: some seed pages were refused (the rest is still built)',
  '  2  usage or configuration error (an option, a config field, a template), an output folder holding files',
  '     news-archive did not make, or another build is writing the output folder',
  '  3  a file could not be read or written (disk full, read-only folder, permissions); the output folder is',
  '     left as it was',
].join('\n');

test('--help lists the commands and the exit codes; every command has --help', () => {
  const dir = project();
  const top = run(dir, '--help');
  assert.equal(top.code, 0);
  assert.match(top.stdout, /^Usage: news-archive \[options\] \[command\]\n/);
  for (const command of ['build [options]', 'check [options] [files...]', 'dev [options]']) assert.ok(top.stdout.includes(`  ${command}  `), command);
  assert.ok(top.stdout.endsWith(`${EXIT_CODES}\n`));
  const options: Record<string, string[]> = {
    build: ['--seeds <dir>', '--config <file>', '--out <dir>', '--base-url <url>', '--clean'],
    check: ['--seeds <dir>', '--config <file>'],
    dev: ['--seeds <dir>', '--config <file>', '--out <dir>', '--base-url <url>', '--port <number>'],
  };
  for (const [command, flags] of Object.entries(options)) {
    const help = run(dir, command, '--help');
    assert.equal(help.code, 0, command);
    assert.match(help.stdout, new RegExp(`^Usage: news-archive ${command} \\[options\\]`));
    for (const flag of flags) assert.ok(help.stdout.includes(`  ${flag}`), `${command} ${flag}`);
    assert.ok(help.stdout.endsWith(`${EXIT_CODES}\n`), `${command} exit codes`);
  }
  assert.ok(run(dir, 'dev', '--help').stdout.includes('port to serve on (0: any free port) (default: 8080)'));
});

test('usage and configuration errors exit with 2 and say what is wrong', () => {
  const dir = project();
  const unknown = run(dir, 'build', '--nope');
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /^error: unknown option '--nope'\n/);
  const port = run(dir, 'dev', '--port', 'eighty');
  assert.equal(port.code, 2);
  assert.match(port.stderr, /^error: option '--port <number>' argument 'eighty' is invalid\. expected a port number from 0 to 65535\n/);
  const missing = run(dir, 'check', 'nope.txt');
  assert.deepEqual([missing.code, missing.stderr], [2, 'nope.txt: no such file; nothing checked\n']);
  const missingSeed = run(dir, 'check', `seeds/${SEED}`, 'seeds/nope.txt');
  assert.deepEqual([missingSeed.code, missingSeed.stdout, missingSeed.stderr], [2, '', 'seeds/nope.txt: no such file; nothing checked\n']);
  const folder = run(dir, 'check', 'seeds');
  assert.deepEqual([folder.code, folder.stderr], [2, 'seeds: a folder, not a seed file; nothing checked (every seed of a folder: news-archive check --seeds seeds)\n']);
  writeFileSync(path.join(dir, 'news-archive.config.json'), JSON.stringify({ title: '档案', feedSize: 0 }));
  const config = run(dir, 'build');
  assert.equal(config.code, 2);
  assert.equal(config.stderr, 'news-archive.config.json: field `feedSize`: expected a whole number from 1 to 1000, got 0\n');
  writeFileSync(path.join(dir, 'news-archive.config.json'), JSON.stringify({ outDir: '.' }));
  const outDir = run(dir, 'build');
  assert.equal(outDir.code, 2);
  assert.equal(outDir.stderr, 'news-archive.config.json: field `outDir`: must not be the working folder or one of its parents, got "."\n');
  // Four digits that are no city's code: refused with the field's name, not a stack trace from the gazetteer.
  writeFileSync(path.join(dir, 'news-archive.config.json'), JSON.stringify({ homeRegion: '9999' }));
  const region = run(dir, 'build');
  assert.deepEqual(
    [region.code, region.stderr],
    [2, 'news-archive.config.json: field `homeRegion`: expected the 4-digit code of a city in the statistical division codes, such as "3206" (南通市), got "9999"\n'],
  );
  assert.equal(run(dir, 'build', '--config', 'missing.json').stderr, 'missing.json: cannot read the config file (ENOENT)\n');
  assert.equal(run(dir, 'build', '--config', 'missing.json').code, 2);
  assert.equal(existsSync(path.join(dir, 'dist')), false, 'nothing was built');
});

test('build, then a rerun that writes nothing; a refused seed exits with 1 and the rest is built', () => {
  const dir = project();
  const first = run(dir, 'build');
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stdout, /^Built dist\/ from 1 seed page\(s\): 11 item\(s\), 0 error\(s\), 1 warning\(s\); \d+ file\(s\) written, 0 unchanged, 0 removed in [\d.]+ s \(1 seed page\(s\) segmented, 0 from the cache\)\n$/);
  assert.ok(first.stderr.includes(`seeds/${SEED}:199: warning: Article runs off the page: it ends mid-sentence with no byline; marked as continued [segment/continued]\n`));
  assert.ok(first.stderr.includes(`Segmented seeds/${SEED} (1/1)\n`), 'plain progress lines when not on a terminal');

  const second = run(dir, 'build');
  assert.equal(second.code, 0);
  assert.match(second.stdout, /^dist\/ is up to date with 1 seed page\(s\): 11 item\(s\), 0 error\(s\), 1 warning\(s\); nothing written in [\d.]+ s\n$/);
  assert.equal(second.stderr, `seeds/${SEED}:199: warning: Article runs off the page: it ends mid-sentence with no byline; marked as continued [segment/continued]\n`);

  writeFileSync(path.join(dir, 'seeds', 'scan.txt'), Buffer.from('%PDF-1.7\n', 'latin1'));
  const third = run(dir, 'build');
  assert.equal(third.code, 1);
  assert.ok(third.stderr.includes('seeds/scan.txt: error: Unexpected binary file: this looks like a PDF file, expected plain text; page skipped [seed/decode]\n'));
  assert.match(third.stdout, /^Built dist\/ from 1 seed page\(s\): 11 item\(s\), 1 error\(s\), 1 warning\(s\); 0 file\(s\) written, \d+ unchanged, 0 removed in [\d.]+ s \(1 seed page\(s\) segmented, 1 from the cache\)\n$/);
  assert.ok(existsSync(path.join(dir, 'dist/pages/000_b18dfdda09c05dd9/11.html')));
});

test('check prints the segmentation of a seed as a table and writes nothing', () => {
  const dir = project();
  const result = run(dir, 'check', `seeds/${SEED}`);
  assert.equal(result.code, 0, result.stderr);
  const lines = result.stdout.split('\n');
  assert.equal(lines[0], `seeds/${SEED}: 11 item(s) (10 article, 1 photo), 0 error(s), 1 warning(s)`);
  assert.equal(lines[1], '');
  assert.deepEqual(lines[2]?.split(/ {2,}/), ['#', 'lines', 'kind', 'kicker 引题', 'headline 主题', 'subheadline 副题', '¶', 'byline', 'places', 'warnings']);
  // Every column but places (the tagger's business, tested in test/places).
  const rows = lines.slice(4, 15).map((line) => line.split(/ {2,}/)).map((cells) => [...cells.slice(0, 8), cells.at(-1)]);
  assert.deepEqual(rows, [
    ['1', '3-39', 'article', '崇川区人大机关全员下沉…', '积极行动 凝聚起抗疫强大合力', '-', '10', '陈馨 王铁荣', '-'],
    ['2', '41-49', 'article', '围绕重点人员、场所和部门', '海安建立“3+6+15”防疫大督查机制', '-', '2', '张海涛 陆争峰', '-'],
    ['3', '51-61', 'article', '九华镇纪委前移监督关口', '延伸监督触角 筑牢拒腐防线', '-', '3', '李世芬 徐爱银 夏新明', '-'],
    ['4', '63-73', 'article', '西亭镇西禅寺村:', '干部群众携手 坚守防控一线', '-', '3', '徐祥忠 任雪 任溢斌', '-'],
    ['5', '75-91', 'article', '海门悦来镇打造“三大课堂”', '让党史学习教育更生动鲜活', '-', '4', '郁经纬 陈静', '-'],
    ['6', '95-97', 'photo', '-', '(昨天,市民在位于崇川经济开发区的铺…', '-', '1', '阚天峰摄', '-'],
    ['7', '99-141', 'article', '崇川区城东街道发动社会…', '党建引领 筑牢基层防控铜墙铁壁', '-', '14', '陈可 王秋乐', '-'],
    ['8', '143-161', 'article', '苏锡通园区张芝山镇:', '拧成一股绳 打赢防疫阻击战', '-', '8', '黄艳鸣 杜俊烨', '-'],
    ['9', '163-173', 'article', '建立“食安通州”联创区', '金沙街道强化食品安全监管', '-', '4', '邢董明 吴霜 曹丁丁', '-'],
    ['10', '175-185', 'article', '临江新区举办“智慧老人”…', '手把手教老人使用智能手机', '-', '3', '龚雪雯 陈静', '-'],
    ['11', '187-199', 'article, continued', '崇川审计人员守好疫情防…', '深入挂钩单位 守护居民安全', '-', '5', '-', '199: segment/continued'],
  ]);
  // Below the table: why each item starts where it does, and the role of each line that is not a paragraph.
  const why = lines.indexOf('Where each item starts, and the roles of its lines:');
  assert.deepEqual(lines.slice(why + 1, why + 13), [
    '1. line 3: title lines at the top of the page',
    '   kicker 引题: 崇川区人大机关全员下沉社区,参与疫情防控…',
    '   headline 主题: 积极行动 凝聚起抗疫强大合力',
    '   subhead (line 9): 督查指导在线; kept as a subhead, not a new title (score -3.39: similarityAbove08 -0.73, similarityAbove12 -0.66, similarity +0.62)',
    '   subhead (line 17): 下沉社区志愿服务; kept as a subhead, not a new title (score -5.66: openSubheads -1.77, shapeMatch -0.97, openParagraphs +0.89)',
    '   subhead (line 27): 人大代表纷纷响应; kept as a subhead, not a new title (score -4.87: openParagraphs +1.78, openSubheads -1.77, shapeMatch -0.97)',
    '   byline (line 39): ·陈馨 王铁荣·',
    '2. line 41: title lines after the end of the item above (its byline)',
    '   kicker 引题: 围绕重点人员、场所和部门',
    '   headline 主题: 海安建立“3+6+15”防疫大督查机制',
    '   byline (line 49): ·张海涛 陆争峰·',
    '3. line 51: title lines after the end of the item above (its byline)',
  ]);
  assert.ok(lines.includes('6. line 95: a caption followed by a photo credit'));
  assert.equal(lines[15], '', 'a blank line after the table');
  assert.equal(lines[16], 'Where each item starts, and the roles of its lines:');
  assert.deepEqual(lines.slice(-3), [
    '',
    `seeds/${SEED}:199: warning: Article runs off the page: it ends mid-sentence with no byline; marked as continued [segment/continued]`,
    '',
  ]);
  assert.equal(existsSync(path.join(dir, 'dist')), false, 'check writes no output');
  const refused = run(dir, 'check', path.join('seeds', 'scan.txt'));
  assert.equal(refused.code, 2, 'a missing file is a usage error');
  writeFileSync(path.join(dir, 'seeds', 'scan.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0]));
  const png = run(dir, 'check', 'seeds/scan.txt');
  assert.equal(png.code, 1);
  assert.equal(png.stdout, 'seeds/scan.txt: 0 item(s), 1 error(s), 0 warning(s)\n\nseeds/scan.txt: error: Unexpected binary file: this looks like a PNG image, expected plain text; page skipped [seed/decode]\n');
});
