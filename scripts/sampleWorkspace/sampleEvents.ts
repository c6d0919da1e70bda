/**
 * Deterministic synthetic Defender XDR events for the sample workspace and the engine benchmark.
 * Every value is invented here: fictional devices and users in the reserved example.com domain,
 * benign browser, update and collaboration traffic, and remote-access tool activity (TightVNC,
 * AnyDesk, TeamViewer, ScreenConnect) placed so that the hunting snippets have something to find.
 */

export type Row = Record<string, unknown>;

/** The sample workspace's pinned now(); the manifest carries the same value. */
export const SAMPLE_NOW = '2025-03-14T12:00:00Z';

/** A small seeded generator (mulberry32), so that every run writes the same files. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rnd: () => number, items: readonly T[]): T => items[Math.floor(rnd() * items.length)];
const hex = (rnd: () => number, n: number) =>
  Array.from({ length: n }, () => Math.floor(rnd() * 16).toString(16)).join('');

export interface Device {
  id: string;
  name: string;
  ip: string;
  user: string;
}

export const DEVICES: Device[] = [
  'wks-fin-01',
  'wks-fin-02',
  'wks-hr-01',
  'wks-dev-01',
  'wks-dev-02',
  'wks-ops-01',
  'wks-sales-01',
  'wks-sales-02',
  'srv-file-01',
  'srv-app-01',
  'srv-jump-01',
  'lab-kiosk-01',
].map((n, i) => ({
  id: hex(random(1000 + i), 40),
  name: `${n}.corp.example.com`,
  ip: `10.20.${Math.floor(i / 4) + 1}.${11 + i}`,
  user: `user${String(i + 1).padStart(2, '0')}`,
}));

/** A process that makes network connections, with the version information Defender records. */
interface Tool {
  file: string;
  folder: string;
  company: string;
  product: string;
  version: string;
  description: string;
  urls: readonly string[];
  ports: readonly number[];
  signer: string;
  issuer: string;
}

const BENIGN: Tool[] = [
  {
    file: 'chrome.exe',
    folder: 'C:\\Program Files\\Google\\Chrome\\Application',
    company: 'Google LLC',
    product: 'Google Chrome',
    version: '122.0.6261.112',
    description: 'Google Chrome',
    urls: ['www.google.com', 'clients2.google.com', 'github.com', 'docs.example.org', 'news.example.net'],
    ports: [443],
    signer: 'Google LLC',
    issuer: 'DigiCert Trusted G4 Code Signing RSA4096 SHA384 2021 CA1',
  },
  {
    file: 'msedge.exe',
    folder: 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application',
    company: 'Microsoft Corporation',
    product: 'Microsoft Edge',
    version: '122.0.2365.80',
    description: 'Microsoft Edge',
    urls: ['www.bing.com', 'login.microsoftonline.com', 'outlook.office365.com', 'www.example.com'],
    ports: [443],
    signer: 'Microsoft Corporation',
    issuer: 'Microsoft Code Signing PCA 2011',
  },
  {
    file: 'svchost.exe',
    folder: 'C:\\Windows\\System32',
    company: 'Microsoft Corporation',
    product: 'Microsoft® Windows® Operating System',
    version: '10.0.22621.1',
    description: 'Host Process for Windows Services',
    urls: ['settings-win.data.microsoft.com', 'ctldl.windowsupdate.com', ''],
    ports: [443, 80, 53],
    signer: 'Microsoft Windows',
    issuer: 'Microsoft Windows Production PCA 2011',
  },
  {
    file: 'OneDrive.exe',
    folder: 'C:\\Program Files\\Microsoft OneDrive',
    company: 'Microsoft Corporation',
    product: 'Microsoft OneDrive',
    version: '24.030.0211.0002',
    description: 'Microsoft OneDrive',
    urls: ['api.onedrive.com', 'g.live.com'],
    ports: [443],
    signer: 'Microsoft Corporation',
    issuer: 'Microsoft Code Signing PCA 2011',
  },
  {
    file: 'ms-teams.exe',
    folder: 'C:\\Program Files\\WindowsApps\\MSTeams',
    company: 'Microsoft Corporation',
    product: 'Microsoft Teams',
    version: '24033.811.2738.2546',
    description: 'Microsoft Teams',
    urls: ['teams.microsoft.com', 'presence.teams.microsoft.com'],
    ports: [443, 3478],
    signer: 'Microsoft Corporation',
    issuer: 'Microsoft Code Signing PCA 2011',
  },
  {
    file: 'git-remote-https.exe',
    folder: 'C:\\Program Files\\Git\\mingw64\\libexec\\git-core',
    company: 'The Git Development Community',
    product: 'Git',
    version: '2.44.0',
    description: 'Git for Windows',
    urls: ['github.com', 'dev.azure.com'],
    ports: [443],
    signer: 'Johannes Schindelin',
    issuer: 'DigiCert Trusted G4 Code Signing RSA4096 SHA384 2021 CA1',
  },
  // A near miss for term matching: the company name contains "GlavSoft" only as part of a longer word.
  {
    file: 'glavsoftware-agent.exe',
    folder: 'C:\\Program Files\\GlavSoftware Inventory',
    company: 'GlavSoftware Inventory Ltd',
    product: 'Asset Inventory',
    version: '3.2.1',
    description: 'Inventory agent',
    urls: ['inventory.example.net'],
    ports: [443],
    signer: 'GlavSoftware Inventory Ltd',
    issuer: 'Sectigo Public Code Signing CA R36',
  },
];

export const TIGHTVNC_SERVER: Tool = {
  file: 'tvnserver.exe',
  folder: 'C:\\Program Files\\TightVNC',
  company: 'GlavSoft LLC.',
  product: 'TightVNC',
  version: '2.8.81.0',
  description: 'TightVNC Server',
  urls: ['www.tightvnc.com', 'vnc-relay.support-desk.example.net'],
  ports: [5900, 5800, 443],
  signer: 'GlavSoft LLC.',
  issuer: 'Sectigo Public Code Signing CA R36',
};
export const TIGHTVNC_VIEWER: Tool = {
  file: 'tvnviewer.exe',
  folder: 'C:\\Program Files\\TightVNC',
  company: 'GlavSoft LLC.',
  product: 'TightVNC',
  version: '2.8.81.0',
  description: 'TightVNC Viewer',
  urls: [''],
  ports: [5900],
  signer: 'GlavSoft LLC.',
  issuer: 'Sectigo Public Code Signing CA R36',
};

const OTHER_RMM: Tool[] = [
  {
    file: 'AnyDesk.exe',
    folder: 'C:\\Program Files (x86)\\AnyDesk',
    company: 'AnyDesk Software GmbH',
    product: 'AnyDesk',
    version: '8.0.8',
    description: 'AnyDesk',
    urls: ['relay-3f2a.net.anydesk.com', 'boot.net.anydesk.com'],
    ports: [443, 6568],
    signer: 'AnyDesk Software GmbH',
    issuer: 'DigiCert Trusted G4 Code Signing RSA4096 SHA384 2021 CA1',
  },
  {
    file: 'TeamViewer.exe',
    folder: 'C:\\Program Files\\TeamViewer',
    company: 'TeamViewer Germany GmbH',
    product: 'TeamViewer',
    version: '15.51.5',
    description: 'TeamViewer',
    urls: ['router12.teamviewer.com', 'master7.teamviewer.com'],
    ports: [5938, 443],
    signer: 'TeamViewer Germany GmbH',
    issuer: 'DigiCert Trusted G4 Code Signing RSA4096 SHA384 2021 CA1',
  },
  {
    file: 'ScreenConnect.ClientService.exe',
    folder: 'C:\\Program Files (x86)\\ScreenConnect Client (4b1e)',
    company: 'ConnectWise, LLC',
    product: 'ScreenConnect',
    version: '23.9.8',
    description: 'ScreenConnect Client Service',
    urls: ['instance-4b1e-relay.screenconnect.com'],
    ports: [8041, 443],
    signer: 'ConnectWise, LLC',
    issuer: 'DigiCert Trusted G4 Code Signing RSA4096 SHA384 2021 CA1',
  },
];

/** Which devices run which remote-access tool, and how many days before now the activity sits. */
export const RMM_PLACEMENT = {
  // Inside the TightVNC detection's five-day window.
  tightvncServer: { device: 'srv-jump-01.corp.example.com', daysAgo: [0.5, 1.2, 2.7, 3.9] },
  tightvncViewer: { device: 'wks-ops-01.corp.example.com', daysAgo: [1.5, 4.2] },
  // Outside the window: eight days ago, so the detection must not report it.
  tightvncOld: { device: 'lab-kiosk-01.corp.example.com', daysAgo: [8, 9] },
  anydesk: { device: 'wks-sales-02.corp.example.com', daysAgo: [2, 2.1] },
  teamviewer: { device: 'wks-hr-01.corp.example.com', daysAgo: [6, 1] },
  screenconnect: { device: 'srv-app-01.corp.example.com', daysAgo: [3] },
};

let reportId = 100000;

function networkRow(rnd: () => number, t: number, device: Device, tool: Tool, url?: string): Row {
  const remoteUrl = url ?? pick(rnd, tool.urls);
  const remotePrivate = remoteUrl === '' && tool.file === 'tvnviewer.exe';
  const remoteIP = remotePrivate
    ? `10.20.${1 + Math.floor(rnd() * 3)}.${11 + Math.floor(rnd() * 12)}`
    : `${20 + Math.floor(rnd() * 180)}.${Math.floor(rnd() * 255)}.${Math.floor(rnd() * 255)}.${1 + Math.floor(rnd() * 250)}`;
  const port = pick(rnd, tool.ports);
  const sha = hex(random(tool.file.length * 7919 + tool.version.length), 64);
  return {
    Timestamp: new Date(t).toISOString(),
    DeviceId: device.id,
    DeviceName: device.name,
    ActionType: rnd() < 0.9 ? 'ConnectionSuccess' : 'ConnectionFailed',
    RemoteIP: remoteIP,
    RemotePort: port,
    RemoteUrl: remoteUrl,
    LocalIP: device.ip,
    LocalPort: 49152 + Math.floor(rnd() * 16000),
    Protocol: port === 53 || port === 3478 ? 'Udp' : 'Tcp',
    LocalIPType: 'Private',
    RemoteIPType: remotePrivate ? 'Private' : 'Public',
    InitiatingProcessSHA1: sha.slice(0, 40),
    InitiatingProcessSHA256: sha,
    InitiatingProcessMD5: sha.slice(0, 32),
    InitiatingProcessFileName: tool.file,
    InitiatingProcessFileSize: 100000 + ((sha.charCodeAt(0) * 7919) % 5000000),
    InitiatingProcessVersionInfoCompanyName: tool.company,
    InitiatingProcessVersionInfoProductName: tool.product,
    InitiatingProcessVersionInfoProductVersion: tool.version,
    InitiatingProcessVersionInfoInternalFileName: tool.file.replace(/\.exe$/i, ''),
    InitiatingProcessVersionInfoOriginalFileName: tool.file,
    InitiatingProcessVersionInfoFileDescription: tool.description,
    InitiatingProcessId: 1000 + Math.floor(rnd() * 30000),
    InitiatingProcessCommandLine: `"${tool.file}"${tool.file === 'tvnserver.exe' ? ' -service' : ''}`,
    InitiatingProcessCreationTime: new Date(t - Math.floor(rnd() * 3_600_000)).toISOString(),
    InitiatingProcessFolderPath: `${tool.folder}\\${tool.file}`.toLowerCase(),
    InitiatingProcessParentFileName:
      tool.file === 'tvnserver.exe' || tool.file === 'svchost.exe' ? 'services.exe' : 'explorer.exe',
    InitiatingProcessAccountDomain: 'corp',
    InitiatingProcessAccountName:
      tool.file === 'tvnserver.exe' || tool.file === 'svchost.exe' ? 'system' : device.user,
    InitiatingProcessIntegrityLevel: tool.file === 'tvnserver.exe' ? 'System' : 'Medium',
    InitiatingProcessTokenElevation: 'TokenElevationTypeDefault',
    ReportId: reportId++,
  };
}

function processRow(rnd: () => number, t: number, device: Device, tool: Tool, parent: string): Row {
  const sha = hex(random(tool.file.length * 7919 + tool.version.length), 64);
  return {
    Timestamp: new Date(t).toISOString(),
    DeviceId: device.id,
    DeviceName: device.name,
    ActionType: 'ProcessCreated',
    FileName: tool.file,
    FolderPath: `${tool.folder}\\${tool.file}`,
    SHA1: sha.slice(0, 40),
    SHA256: sha,
    MD5: sha.slice(0, 32),
    FileSize: 100000 + ((sha.charCodeAt(0) * 7919) % 5000000),
    ProcessVersionInfoCompanyName: tool.company,
    ProcessVersionInfoProductName: tool.product,
    ProcessVersionInfoProductVersion: tool.version,
    ProcessVersionInfoOriginalFileName: tool.file,
    ProcessVersionInfoFileDescription: tool.description,
    ProcessId: 1000 + Math.floor(rnd() * 30000),
    ProcessCommandLine: `"${tool.folder}\\${tool.file}"`,
    ProcessIntegrityLevel: 'Medium',
    ProcessCreationTime: new Date(t).toISOString(),
    AccountDomain: 'corp',
    AccountName: device.user,
    InitiatingProcessFileName: parent,
    InitiatingProcessFolderPath: `c:\\windows\\${parent}`,
    InitiatingProcessAccountName: device.user,
    ReportId: reportId++,
  };
}

function certificateRow(t: number, device: Device, tool: Tool): Row {
  const sha = hex(random(tool.file.length * 7919 + tool.version.length), 64);
  return {
    Timestamp: new Date(t).toISOString(),
    DeviceId: device.id,
    DeviceName: device.name,
    SHA1: sha.slice(0, 40),
    IsSigned: true,
    SignatureType: 'Embedded',
    Signer: tool.signer,
    SignerHash: hex(random(tool.signer.length * 31), 40),
    Issuer: tool.issuer,
    IssuerHash: hex(random(tool.issuer.length * 37), 40),
    CertificateSerialNumber: hex(random(tool.signer.length * 41), 32),
    CertificateCreationTime: '2023-01-10T00:00:00Z',
    CertificateExpirationTime: '2026-01-10T23:59:59Z',
    IsTrusted: true,
    IsRootSignerMicrosoft: tool.company === 'Microsoft Corporation',
    ReportId: reportId++,
  };
}

const DAY = 86_400_000;

/** The whole sample workspace, table by table. */
export function generateSampleWorkspace(): Record<string, Row[]> {
  reportId = 100000;
  const rnd = random(20250314);
  const now = Date.parse(SAMPLE_NOW);
  const network: Row[] = [];
  const processes: Row[] = [];
  const certificates = new Map<string, Row>();
  const deviceByName = new Map(DEVICES.map((d) => [d.name, d]));
  const recordTool = (t: number, device: Device, tool: Tool, parent: string) => {
    processes.push(processRow(rnd, t, device, tool, parent));
    const key = `${device.id}/${tool.file}`;
    if (!certificates.has(key)) certificates.set(key, certificateRow(t, device, tool));
  };

  // Benign noise across fourteen days.
  for (let i = 0; i < 2600; i++) {
    const device = pick(rnd, DEVICES);
    const tool = pick(rnd, BENIGN);
    const t = now - Math.floor(rnd() * 14 * DAY);
    network.push(networkRow(rnd, t, device, tool));
    if (i % 3 === 0)
      recordTool(t - 60_000, device, tool, tool.file === 'svchost.exe' ? 'services.exe' : 'explorer.exe');
  }
  const rmm = (
    placement: { device: string; daysAgo: number[] },
    tool: Tool,
    connectionsPerSession: number,
  ) => {
    const device = deviceByName.get(placement.device)!;
    for (const d of placement.daysAgo) {
      const start = now - d * DAY;
      recordTool(
        start - 120_000,
        device,
        tool,
        tool.file === 'tvnserver.exe' ? 'services.exe' : 'explorer.exe',
      );
      for (let c = 0; c < connectionsPerSession; c++) {
        network.push(networkRow(rnd, start + c * 90_000, device, tool, tool.urls[c % tool.urls.length]));
      }
    }
  };
  rmm(RMM_PLACEMENT.tightvncServer, TIGHTVNC_SERVER, 6);
  rmm(RMM_PLACEMENT.tightvncViewer, TIGHTVNC_VIEWER, 3);
  rmm(RMM_PLACEMENT.tightvncOld, TIGHTVNC_SERVER, 4);
  rmm(RMM_PLACEMENT.anydesk, OTHER_RMM[0], 5);
  rmm(RMM_PLACEMENT.teamviewer, OTHER_RMM[1], 5);
  rmm(RMM_PLACEMENT.screenconnect, OTHER_RMM[2], 4);

  const byTime = (a: Row, b: Row) => String(a.Timestamp).localeCompare(String(b.Timestamp));
  const deviceInfo = DEVICES.map((d, i) => ({
    Timestamp: new Date(now - (i % 3) * 3_600_000).toISOString(),
    DeviceId: d.id,
    DeviceName: d.name,
    PublicIP: `198.51.100.${10 + i}`,
    OSPlatform: d.name.startsWith('srv') ? 'WindowsServer2022' : 'Windows11',
    OSArchitecture: '64-bit',
    OSBuild: d.name.startsWith('srv') ? 20348 : 22631,
    DeviceType: d.name.startsWith('srv') ? 'Server' : 'Workstation',
    MachineGroup: d.name.split('-')[1],
    OnboardingStatus: 'Onboarded',
    IsInternetFacing: d.name === 'srv-jump-01.corp.example.com',
    ReportId: 900 + i,
  }));
  return {
    DeviceNetworkEvents: network.sort(byTime),
    DeviceProcessEvents: processes.sort(byTime),
    DeviceFileCertificateInfo: [...certificates.values()].sort(byTime),
    DeviceInfo: deviceInfo,
  };
}

/** `count` DeviceNetworkEvents rows for the benchmark: mostly noise, one in a thousand from TightVNC. */
export function* generateNetworkEvents(count: number, seed = 1): Generator<Row> {
  reportId = 1;
  const rnd = random(seed);
  const now = Date.parse(SAMPLE_NOW);
  for (let i = 0; i < count; i++) {
    const device = DEVICES[i % DEVICES.length];
    const tool = i % 1000 === 7 ? TIGHTVNC_SERVER : BENIGN[i % BENIGN.length];
    yield networkRow(rnd, now - Math.floor(rnd() * 14 * DAY), device, tool);
  }
}
