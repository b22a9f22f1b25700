// Screenshots for docs/: the path matrix on a laptop and on a phone, the wide matrix of the demo's
// second framework, an engineer's pages, growth plan, experiments and check-in, skills inventory and archetype mix, a manager's review, home and team, a
// promotion case, its packet, the calibration, the admin's cycles and teams, and the framework's
// import, editor and diff (which change the framework, so they come last). Needs a running Waymark on a freshly seeded demo
// database (npm start) at BASE_URL, default http://localhost:3000.
//
// npm run screenshots -- wide-matrix path-matrix   takes only the shots whose file names contain one of the words.
import path from "node:path";
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { chromium } from "@playwright/test";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const base = process.env.BASE_URL ?? "http://localhost:3000";
const systemChromium = process.env.CHROMIUM_PATH ?? (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

const browser = await chromium.launch({
  executablePath: systemChromium,
  args: systemChromium
    ? ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"]
    : [],
});

const laptop = { width: 1440, height: 1200 };

/** Sam's north star, two years out, his three lanes and a milestone in each, saved. */
async function writeGrowthPlan(page) {
  const now = new Date();
  const horizon = `${now.getUTCFullYear() + 2}-${String(now.getUTCMonth() + 1).padStart(2, "0")}`;
  await page.getByLabel("Where you are heading").fill("The go-to owner of the payments platform: the person teams ask first about money moving through our systems.");
  await page.getByLabel("By when").fill(horizon);
  const lanes = [
    ["Payments depth", "I know the ledger, the retry pipeline and the card networks' rules well enough to design their next versions.", "Two design docs accepted across teams; the retry redesign shipped."],
    ["Systems thinking and impact", "Payments incidents become rare and short, because failure modes are designed out.", "Sev-1s in payments from 4 a half to 1; median time to recover under 20 minutes."],
    ["Leadership and influence", "Other teams build on payments without needing me in the room.", "A written playbook for integrating with payments; two engineers mentored to on-call."],
  ];
  for (const [i, [name, outcome, metrics]] of lanes.entries()) {
    const lane = page.getByRole("group", { name: `Lane ${i + 1}` });
    await lane.getByLabel("Name").fill(name);
    await lane.getByLabel("Outcome").fill(outcome);
    await lane.getByLabel("Metrics").fill(metrics);
  }
  await page.getByRole("button", { name: "Save plan" }).click();
  await page.getByText("Your plan is saved.").waitFor();
  // This quarter's milestones: one in each lane, the first linked to evidence Sam has and done.
  const milestones = [
    ["Payments depth", "Retry pipeline design doc", "2", "Design doc", "Reviewed by the payments and ledger teams; accepted.", "Payments retry redesign"],
    ["Systems thinking and impact", "Payments failure-modes game day", "9", "Postmortem", "Three failure modes found, two fixed before the quarter ends.", null],
    ["Leadership and influence", "Playbook: integrating with payments", "12", "Written playbook", "Two teams integrate using it without asking for help.", null],
  ];
  for (const [lane, title, week, artifact, success, evidence] of milestones) {
    await page.getByText(`Add a milestone to ${lane}`).click();
    const form = page.locator("form", { has: page.getByRole("button", { name: "Add milestone" }) }).filter({ visible: true });
    await form.getByLabel("Milestone").fill(title);
    await form.getByLabel("Due in").selectOption(week);
    await form.getByLabel("Leaves behind").selectOption({ label: artifact });
    await form.getByLabel("How you will know it worked").fill(success);
    if (evidence) {
      const choice = form.getByLabel(/^Evidence/);
      await choice.selectOption(await choice.locator("option", { hasText: evidence }).getAttribute("value"));
    }
    await form.getByRole("button", { name: "Add milestone" }).click();
    await page.getByText("Milestone added.").waitFor();
    await page.reload();
  }
  await page.getByRole("button", { name: "Mark done “Retry pipeline design doc”" }).click();
  await page.getByRole("button", { name: "Mark not done “Retry pipeline design doc”" }).waitFor();
  await page.reload();
  await page.evaluate(() => window.scrollTo(0, 0));
}
/** Lena's experiment log — one open, one run out and still open, one closed — and her first check-in. */
async function logExperimentsAndCheckIn(page) {
  const day = (n) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
  const experiments = [
    ["Running the on-call rota for a quarter makes me the person teams ask about reliability.", -21, 63, "Run the rota; write the handover guide; review every page with its owner.", "Pages per week from 12 to 6; two teams adopt the guide.", "My design work slips two sprints running."],
    ["Pairing with product every week gets my proposals accepted earlier.", -70, -7, "A weekly hour with the product lead; a one-page pre-read for each proposal.", "Two proposals accepted this quarter.", "The hour keeps being cancelled."],
    ["Giving the platform talk makes other teams build on the ledger without me.", -150, -94, "Write and give one internal talk; answer questions for a month.", "Three teams integrate without a meeting.", ""],
  ];
  const log = page.getByRole("region", { name: "Experiments" });
  for (const [hypothesis, start, end, actions, metrics, rollback] of experiments) {
    const form = log.locator("details").filter({ has: page.getByText("Log an experiment", { exact: true }) });
    if (!(await form.evaluate((d) => d.open))) await form.getByText("Log an experiment", { exact: true }).click();
    await form.getByLabel("Hypothesis").fill(hypothesis);
    await form.getByLabel("Starts on").fill(day(start));
    await form.getByLabel("Ends on").fill(day(end));
    await form.getByLabel("Actions").fill(actions);
    await form.getByLabel("Success metrics").fill(metrics);
    await form.getByLabel("Rollback criteria").fill(rollback);
    await form.getByRole("button", { name: "Log experiment" }).click();
    await log.getByRole("article", { name: hypothesis }).waitFor();
  }
  const talk = log.getByRole("article", { name: experiments[2][0] });
  // Run out long ago, it is overdue: its close form stands open.
  const closing = talk.locator("details").filter({ has: page.getByText("Close this experiment") });
  if (!(await closing.evaluate((d) => d.open))) await closing.getByText("Close this experiment").click();
  await talk.getByLabel("Outcome").fill("Two teams integrated on their own; the third needed a design review.");
  await talk.getByLabel("Next step").fill("Keep it: turn the talk into a written guide.");
  await talk.getByRole("button", { name: "Close experiment" }).click();
  await talk.getByText("Closed", { exact: true }).waitFor();
  const checkIn = page.getByRole("region", { name: "Half-yearly check-in" });
  const answers = [
    ["Am I learning?", "Yes: the rota taught me our alerting end to end.", "4 · Mostly"],
    ["Do I look forward to work?", "Mostly; less in on-call weeks.", "3 · Somewhat"],
    ["Do I feel connected?", "To the platform team, yes; to product, growing.", "4 · Mostly"],
    ["Am I making an impact?", "Pages halved in six weeks.", "5 · Very much"],
  ];
  for (const [question, answer, feeling] of answers) {
    const group = checkIn.getByRole("group", { name: question });
    await group.getByLabel("Your answer").fill(answer);
    await group.getByLabel(feeling).check();
  }
  await checkIn.getByRole("button", { name: "Save check-in" }).click();
  await checkIn.getByTestId("check-in").waitFor();
  // The log's form folded away, so the log and the check-in show together.
  const logForm = log.locator("details").filter({ has: page.getByText("Log an experiment", { exact: true }) });
  if (await logForm.evaluate((d) => d.open)) await logForm.getByText("Log an experiment", { exact: true }).click();
  await page.getByRole("heading", { name: "Experiments", exact: true }).evaluate((h) => window.scrollTo(0, h.getBoundingClientRect().top + window.scrollY - 80));
}

/** Sam's skills rated and aimed for, saved, then actions written for his largest gap. */
async function rateSkills(page) {
  const ratings = [
    [0, "3", "4"],
    [1, "2", "4"],
    [2, "4", "4"],
    [5, "3", "4"],
    [6, "2", "4"],
    [10, "2", "5"],
    [11, "1", "3"],
    [15, "4", "5"],
    [16, "3", "4"],
    [20, "3", "4"],
  ];
  for (const [row, rating, target] of ratings) {
    await page.locator(`#skill-${row}-rating`).selectOption(rating);
    await page.locator(`#skill-${row}-target`).selectOption(target);
  }
  await page.getByRole("button", { name: "Save skills" }).click();
  await page.getByText("Your skills are saved.").waitFor();
  await page.locator("#gap-0-read").fill("Designing Data-Intensive Applications, chapters 5 to 9.");
  await page.locator("#gap-0-practise").fill("Write the design of the ledger split, with two reviews.");
  await page.locator("#gap-0-show").fill("The design doc, accepted by the architecture forum.");
  await page.locator("#gap-1-practise").fill("Own the schema changes of the refunds service this quarter.");
  await page.getByRole("button", { name: "Save actions" }).click();
  await page.getByText("Your actions are saved.").waitFor();
  await page.evaluate(() => window.scrollTo(0, 0));
}

/** Sam leans towards staff, and says how his work splits between the archetypes now and how he wants it to. */
async function setArchetypes(page) {
  await page.getByLabel("Deeper technical expertise (staff and beyond)").check();
  await page.getByLabel("Why").fill("I want to keep designing systems: the payments ledger needs an owner, and I would rather grow others through design reviews than through one-to-ones.");
  const mixes = { current: [30, 20, 40, 10], wanted: [25, 45, 20, 10] };
  for (const [side, values] of Object.entries(mixes)) {
    for (const [i, key] of ["techLead", "architect", "solver", "rightHand"].entries()) await page.locator(`#${side}-${key}`).fill(String(values[i]));
  }
  await page.getByRole("button", { name: "Save direction" }).click();
  await page.getByText("Your direction is saved.").waitFor();
  await page.evaluate(() => window.scrollTo(0, 0));
}

/** Whose pages to take, signed in as them; a url may name a person's page by "{first name}". */
const tours = [
  {
    who: "sam",
    email: "sam.okafor@example.com",
    shots: [
      { file: "path-matrix-wide.png", url: "/path", viewport: { width: 1440, height: 1500 } },
      { file: "path-matrix-narrow.png", url: "/path#step-senior-engineer", viewport: { width: 390, height: 1600 } },
      // The second framework: 16 dimensions in four pillars by 14 steps, scrolled to the matrix; one pillar on a phone.
      { file: "wide-matrix.png", url: "/path?framework=engineering-management#matrix", viewport: { width: 1280, height: 1000 }, scrollMatrix: 500 },
      { file: "wide-matrix-pillar.png", url: "/path?framework=engineering-management&pillar=strategy#step-group-engineering-manager", viewport: { width: 1280, height: 1000 } },
      { file: "wide-matrix-phone.png", url: "/path?framework=engineering-management&pillar=people#matrix", viewport: { width: 390, height: 1600 } },
      { file: "where-i-am-now.png", url: "/", viewport: { width: 1280, height: 1200 } },
      { file: "review-gaps.png", url: "/assessment", viewport: laptop },
      { file: "evidence-library.png", url: "/evidence", viewport: laptop },
      { file: "evidence-form.png", url: "/evidence/new", viewport: { width: 1280, height: 1400 } },
      // The demo has no plans: the first shot writes Sam's and saves it.
      { file: "growth-plan.png", url: "/plan", viewport: { width: 1280, height: 1580 }, act: writeGrowthPlan },
      { file: "growth-plan-phone.png", url: "/plan", viewport: { width: 390, height: 3450 } },
      { file: "growth-skills.png", url: "/plan/skills", viewport: { width: 1280, height: 1500 }, act: rateSkills },
      { file: "growth-skills-phone.png", url: "/plan/skills", viewport: { width: 390, height: 2400 } },
      { file: "growth-archetypes.png", url: "/plan/direction", viewport: { width: 1280, height: 1250 }, act: setArchetypes },
      { file: "growth-archetypes-phone.png", url: "/plan/direction", viewport: { width: 390, height: 2200 } },
    ],
  },
  {
    who: "lena",
    email: "lena.fischer@example.com",
    shots: [
      { file: "growth-plan-experiments.png", url: "/plan", viewport: { width: 1280, height: 2000 }, act: logExperimentsAndCheckIn },
      { file: "growth-plan-experiments-phone.png", url: "/plan#experiments-heading", viewport: { width: 390, height: 3600 } },
    ],
  },
  { who: "aisha", email: "aisha.khan@example.com", shots: [{ file: "self-assessment.png", url: "/assessment", viewport: { width: 1440, height: 1400 }, scrollTo: "Pick on the path" }] },
  {
    who: "priya",
    email: "priya.raman@example.com",
    shots: [
      { file: "my-reports.png", url: "/people", viewport: { width: 1280, height: 700 } },
      { file: "manager-review.png", url: "/people/{Sam}/assessment", viewport: laptop },
      { file: "manager-home.png", url: "/", viewport: { width: 1280, height: 1100 } },
      { file: "manager-home-phone.png", url: "/", viewport: { width: 390, height: 1400 } },
      { file: "my-team.png", url: "/team", viewport: { width: 1280, height: 1000 } },
      { file: "my-team-phone.png", url: "/team", viewport: { width: 390, height: 1400 } },
      // A case and its packet: from the calibration list, into the session, then Sam's case.
      { file: "promotion-case.png", url: "/calibration", via: ["2026 H2 calibration", "Sam Okafor"], viewport: { width: 1280, height: 1500 } },
      { file: "packet.png", url: "/calibration", via: ["2026 H2 calibration", "Sam Okafor", "Printable packet"], viewport: { width: 1280, height: 1500 } },
    ],
  },
  {
    who: "alex",
    email: "alex.morgan@example.com",
    shots: [
      { file: "review-cycles.png", url: "/cycles", viewport: { width: 1280, height: 800 } },
      // The demo's teams have no lead: the first shot gives them theirs.
      {
        file: "teams.png",
        url: "/teams",
        viewport: { width: 1280, height: 900 },
        act: async (page) => {
          for (const [team, lead] of [["Platform", "Priya Raman"], ["Product", "Marcus Bell"]]) {
            await page.getByRole("link", { name: `Choose a lead of ${team}` }).click();
            await page.getByLabel(`Lead of ${team}`).selectOption({ label: lead });
            await page.getByRole("button", { name: `Save the lead of ${team}` }).click();
            await page.getByText(`${lead} now leads ${team}.`).waitFor();
            await page.getByRole("link", { name: `Done changing the lead of ${team}` }).click();
            await page.getByRole("link", { name: `Change the lead of ${team}` }).waitFor();
          }
        },
      },
      { file: "teams-phone.png", url: "/teams", viewport: { width: 390, height: 1500 } },
      { file: "calibration.png", url: "/calibration", via: ["2026 H2 calibration"], viewport: { width: 1440, height: 2200 } },
      { file: "calibration-phone.png", url: "/calibration", via: ["2026 H2 calibration"], viewport: { width: 390, height: 2400 } },
      // Last, as they change the framework: an import with problems, a draft being edited, then published and compared.
      {
        file: "framework-import.png",
        url: "/frameworks/import",
        viewport: { width: 1280, height: 1000 },
        act: async (page) => {
          const csv = "name,timeframe,leads_to,Craft,Impact\nAnalyst,soon,Senior Analyst,Writes queries.,Their team.\nSenior Analyst,24+,Lead,Designs models.,\n";
          await page.getByLabel("File", { exact: true }).setInputFiles({ name: "data-ladder.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
          await page.getByLabel("Name", { exact: true }).fill("Data");
          await page.getByRole("button", { name: "Import as a draft" }).click();
          await page.getByTestId("import-problems").waitFor();
        },
      },
      {
        file: "framework-editor.png",
        url: "/frameworks/engineering/draft",
        viewport: { width: 1440, height: 1800 },
        act: async (page) => {
          await page.getByRole("button", { name: "Start a draft" }).click();
          await page.getByRole("heading", { name: /draft of version 2/ }).waitFor();
          await page.getByLabel("New step's name").fill("Architect");
          await page.getByLabel("Place it").selectOption({ label: "After Staff Engineer" });
          await page.getByRole("button", { name: "Add step" }).click();
          await page.getByLabel("Step 6: Add a way on to").selectOption({ label: "Architect" });
          await page.getByLabel("Step 6: Label (optional)").fill("Deeper in one system");
          await page.getByRole("button", { name: "Add transition from Staff Engineer" }).click();
          await page.getByLabel("Step 7: Add a way on to").selectOption({ label: "Software Engineer" });
          await page.getByRole("button", { name: "Add transition from Architect" }).click();
          await page.getByText("Saved at").waitFor();
          // From the top: the save status, the problems the loop makes and the first steps.
          await page.evaluate(() => window.scrollTo(0, 0));
        },
      },
      {
        file: "framework-diff.png",
        url: "/frameworks/engineering/draft",
        viewport: { width: 1280, height: 1400 },
        act: async (page) => {
          await page.getByRole("button", { name: "Remove the transition from Architect to Software Engineer" }).click();
          await page.getByRole("button", { name: "Edit cell Architect × Ownership" }).click();
          await page.getByRole("dialog").getByLabel("Summary").fill("Owns the long-term shape of one large system and the decisions that bind it.");
          await page.getByRole("dialog").getByRole("button", { name: "Save cell" }).click();
          await page.getByLabel("What changed in this version").fill("Adds an architect step on the way on from Staff Engineer.");
          await page.getByRole("button", { name: "Publish version 2" }).click();
          await page.waitForURL(/\/diff\?/);
        },
      },
    ],
  },
];

const only = process.argv.slice(2);
const wanted = (shot) => only.length === 0 || only.some((word) => shot.file.includes(word));

for (const tour of tours.filter((t) => t.shots.some(wanted))) {
  const context = await browser.newContext({ deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.goto(`${base}/sign-in`);
  await page.getByLabel("Email").fill(tour.email);
  await page.getByLabel("Password").fill(`${tour.who}-waymark`);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByTestId("signed-in-as").waitFor();
  for (const shot of tour.shots.filter(wanted)) {
    await page.setViewportSize(shot.viewport);
    let url = shot.url;
    const person = url.match(/\{(\w+)\}/);
    if (person) {
      await page.goto(`${base}/people`);
      const href = await page.getByRole("table").getByRole("link", { name: new RegExp(`^${person[1]} `) }).first().getAttribute("href");
      url = url.replace(person[0], href.split("/").pop());
    }
    await page.goto(`${base}${url}`);
    // Pages whose ids are not known up front are reached by following links by name.
    for (const name of shot.via ?? []) {
      const href = await page.getByRole("main").getByRole("link", { name, exact: true }).first().getAttribute("href");
      await page.goto(`${base}${href}`);
    }
    await shot.act?.(page);
    if (shot.scrollTo) await page.getByRole("heading", { name: shot.scrollTo }).evaluate((h) => window.scrollTo(0, h.getBoundingClientRect().top + window.scrollY - 80));
    // A matrix that scrolls in its own box, moved sideways to show that the steps stay at the left.
    if (shot.scrollMatrix) await page.getByRole("table").first().evaluate((t, left) => t.scrollTo({ left }), shot.scrollMatrix);
    await page.screenshot({ path: path.join(root, "docs", shot.file) });
    console.log(`docs/${shot.file}`);
  }
  await context.close();
}
await browser.close();
