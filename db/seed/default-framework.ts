import type { FrameworkDefinition } from "@/lib/framework/definition";

/**
 * The engineering career path loaded by the seed. Its structure (eight steps, three dimensions,
 * a split after Senior Engineer into a deeper and a broader path) follows the shape of Buffer's
 * 2017 engineering career paths; all text here is written for Waymark.
 */
export const defaultFramework: FrameworkDefinition = {
  key: "engineering",
  name: "Engineering career path",
  description:
    "A shared map of how engineers grow, from delivering well-scoped tasks to shaping technical direction across the industry. After Senior Engineer the path splits: one route goes deeper in one team, the other goes broader across teams.",

  dimensions: [
    {
      key: "scope-of-influence",
      name: "Scope of influence",
      description:
        "How far the effect of an engineer's work reaches: a single task, a feature, a team, several teams, the whole company, and finally the wider industry.",
      group: null,
    },
    {
      key: "how-work-is-conducted",
      name: "How work is conducted",
      description:
        "The craft and the delivery: how the engineer designs, builds, tests, ships and communicates about their work, and how well that work holds up in production.",
      group: null,
    },
    {
      key: "ownership",
      name: "Ownership",
      description:
        "Taking responsibility beyond the assigned work: noticing problems, raising them and seeing them fixed, caring about outcomes rather than tickets, and helping other people grow.",
      group: null,
    },
  ],

  steps: [
    {
      key: "software-engineer",
      name: "Software Engineer",
      summary:
        "Early in a professional engineering career or new to the stack. Delivers well-defined tasks with regular guidance and is building the habits of good day-to-day engineering.",
      timeframeMinMonths: 6,
      timeframeMaxMonths: 12,
    },
    {
      key: "software-engineer-2",
      name: "Software Engineer II",
      summary:
        "Works independently on features of moderate size and needs guidance mainly on unfamiliar or ambiguous problems. A dependable contributor the team can plan around.",
      timeframeMinMonths: 12,
      timeframeMaxMonths: 24,
    },
    {
      key: "software-engineer-3",
      name: "Software Engineer III",
      summary:
        "Owns larger pieces of work from design to release and is starting to shape how the team builds things. Handles ambiguity with little support and helps newer teammates.",
      timeframeMinMonths: 12,
      timeframeMaxMonths: 36,
    },
    {
      key: "senior-engineer",
      name: "Senior Engineer",
      summary:
        "A technical leader for their team who turns loosely defined problems into shipped, maintainable systems. Raises the quality bar for the whole team and mentors others as a matter of course.",
      timeframeMinMonths: 24,
      timeframeMaxMonths: 36,
    },
    {
      key: "senior-engineer-2",
      name: "Senior Engineer II",
      summary:
        "The path that goes deeper in one team: the recognised expert and anchor of that team's domain. Sets the domain's long-term technical direction and is the person others turn to when it gets hard.",
      timeframeMinMonths: 24,
      timeframeMaxMonths: null,
    },
    {
      key: "staff-engineer",
      name: "Staff Engineer",
      summary:
        "The path that goes broader across teams: works on problems that span several teams and no single team owns. Aligns people around a technical direction and multiplies the output of engineers beyond their own team.",
      timeframeMinMonths: 24,
      timeframeMaxMonths: null,
    },
    {
      key: "principal-engineer",
      name: "Principal Engineer",
      summary:
        "Shapes the company's technical strategy over several years. Works with engineering and product leadership on the biggest bets and is trusted with the hardest technical decisions.",
      timeframeMinMonths: 36,
      timeframeMaxMonths: null,
    },
    {
      key: "engineer-of-distinction",
      name: "Engineer of Distinction",
      summary:
        "A rare step for engineers whose work has impact across the industry. Recognised outside the company for contributions that change how others build software, while still raising the bar at home.",
      timeframeMinMonths: null,
      timeframeMaxMonths: null,
    },
  ],

  transitions: [
    { from: "software-engineer", to: "software-engineer-2", label: "" },
    { from: "software-engineer-2", to: "software-engineer-3", label: "" },
    { from: "software-engineer-3", to: "senior-engineer", label: "" },
    { from: "senior-engineer", to: "senior-engineer-2", label: "Deeper in one team" },
    { from: "senior-engineer", to: "staff-engineer", label: "Broader across teams" },
    { from: "senior-engineer-2", to: "staff-engineer", label: "Broader across teams" },
    { from: "staff-engineer", to: "principal-engineer", label: "" },
    { from: "principal-engineer", to: "engineer-of-distinction", label: "" },
  ],

  cells: [
    // Software Engineer
    {
      step: "software-engineer",
      dimension: "scope-of-influence",
      summary:
        "Works at the level of individual tasks. The effect of the work stays mostly within the ticket or bug at hand, and others set the direction.",
      expectations: [
        {
          text: "Completes well-defined tasks that someone more experienced has broken down.",
          examples: [
            "Added a validation rule to the signup form from a ticket with clear acceptance criteria.",
            "Fixed a bug where dates on the invoice page showed in the wrong time zone.",
          ],
        },
        {
          text: "Understands how the task fits into the feature it belongs to, and asks when that is unclear.",
          examples: ["Asked the feature lead whether the new filter should also apply to the CSV export before starting work."],
        },
        {
          text: "Keeps changes small and focused so they are easy to review and do not disturb unrelated code.",
          examples: ["Split a change into a refactor pull request and a behaviour pull request after a reviewer found it hard to follow."],
        },
      ],
    },
    {
      step: "software-engineer",
      dimension: "how-work-is-conducted",
      summary:
        "Is learning the team's tools, codebase and practices. Writes working, tested code with regular guidance and responds well to review feedback.",
      expectations: [
        {
          text: "Writes code that follows the team's conventions and includes tests for the change.",
          examples: ["Added unit tests for the empty and overflow cases of a new pagination helper."],
        },
        {
          text: "Uses code review to learn, and applies feedback to later work, not only to the current pull request.",
          examples: ["After being asked twice to replace magic numbers with named constants, started doing it before opening pull requests."],
        },
        {
          text: "Gives clear updates on progress and says early when stuck.",
          examples: ["Posted in the team channel after half a day stuck on a failing migration instead of waiting for the next stand-up."],
        },
      ],
    },
    {
      step: "software-engineer",
      dimension: "ownership",
      summary:
        "Takes responsibility for their own tasks and sees them through to release. Is starting to notice problems nearby and flag them to the team.",
      expectations: [
        {
          text: "Follows assigned tasks through to production, not just to merged code.",
          examples: ["Checked the email dashboard after a deploy to confirm the new welcome email was actually being sent."],
        },
        {
          text: "Reports problems they notice, even outside the current task.",
          examples: [
            "Opened an issue for a flaky test that failed twice during their own work.",
            "Told the team lead that the local setup guide was missing a step.",
          ],
        },
        {
          text: "Takes charge of their own learning and asks for help to fill gaps.",
          examples: ["Asked a senior teammate for a walkthrough of the deploy pipeline after shadowing a release."],
        },
      ],
    },

    // Software Engineer II
    {
      step: "software-engineer-2",
      dimension: "scope-of-influence",
      summary:
        "Works at the level of features. Delivers features of moderate size that users notice, and their choices shape the parts of the codebase those features touch.",
      expectations: [
        {
          text: "Delivers small and medium features end to end, from breaking down the work to release.",
          examples: ["Built the saved-search feature as four pull requests behind a feature flag and turned it on for all accounts."],
        },
        {
          text: "Considers how a feature interacts with neighbouring parts of the product.",
          examples: ["Noticed that the new bulk-archive action skipped audit logging and added it before release."],
        },
        {
          text: "Contributes realistic estimates for their own work to team planning.",
          examples: ["Flagged in planning that the export feature needed a background job and gave a revised estimate."],
        },
      ],
    },
    {
      step: "software-engineer-2",
      dimension: "how-work-is-conducted",
      summary:
        "Works independently on familiar problems and produces readable, well-tested code. Seeks guidance mainly on design choices that are new to them.",
      expectations: [
        {
          text: "Plans a feature's implementation before writing code, and checks the plan with a more experienced engineer when the approach is new.",
          examples: ["Wrote a short outline of the database changes for saved searches and had it reviewed before starting."],
        },
        {
          text: "Writes tests that cover the important behaviour and edge cases, and keeps the suite fast and reliable.",
          examples: ["Replaced a fixed sleep in an integration test with a polling helper, cutting its run time from 8 seconds to under 1."],
        },
        {
          text: "Gives useful, specific code reviews to teammates.",
          examples: ["Pointed out in review that a new lookup column had no index and would slow down the account page."],
        },
      ],
    },
    {
      step: "software-engineer-2",
      dimension: "ownership",
      summary:
        "Owns the features they build, including the problems that appear after release. Fixes small problems they find instead of only reporting them.",
      expectations: [
        {
          text: "Responds to bugs and support issues in features they built.",
          examples: ["Picked up a support ticket about saved searches timing out for large accounts and shipped a fix the same week."],
        },
        {
          text: "Fixes small problems directly when that is cheaper than reporting them.",
          examples: ["Fixed the flaky test they had reported earlier after finding the race condition behind it."],
        },
        {
          text: "Helps newer teammates get started.",
          examples: ["Paired with a new hire on their first ticket and updated the setup guide with the steps that tripped them up."],
        },
      ],
    },

    // Software Engineer III
    {
      step: "software-engineer-3",
      dimension: "scope-of-influence",
      summary:
        "Works at the level of large features and small projects that affect the team's whole area. Starts to influence how the team builds things, not only what it builds.",
      expectations: [
        {
          text: "Leads projects that take several weeks and involve more than one engineer.",
          examples: ["Led the two-person project that moved notification settings to a new data model."],
        },
        {
          text: "Makes decisions in their area that other engineers on the team build on.",
          examples: ["Designed the retry policy for outgoing webhooks, which the team later reused for the email sender."],
        },
        {
          text: "Proposes improvements to how the team works.",
          examples: ["Proposed a pull request template with a 'how this was tested' section, which the team adopted."],
        },
      ],
    },
    {
      step: "software-engineer-3",
      dimension: "how-work-is-conducted",
      summary:
        "Handles ambiguous problems with little support and designs solutions that are easy to change later. Explains trade-offs clearly in writing.",
      expectations: [
        {
          text: "Writes short design documents for non-trivial work and uses them to gather feedback before building.",
          examples: ["Wrote a design doc comparing polling and webhooks for calendar sync and recorded why polling was chosen."],
        },
        {
          text: "Plans releases so they are safe, with migrations, feature flags and rollback thought through in advance.",
          examples: ["Wrote the rollback plan for the notification settings migration and rehearsed it on staging."],
        },
        {
          text: "Keeps stakeholders informed about progress, risks and changes of plan.",
          examples: ["Sent the product manager a weekly update, including early warning that calendar sync would slip by a week."],
        },
      ],
    },
    {
      step: "software-engineer-3",
      dimension: "ownership",
      summary:
        "Takes responsibility for the health of the team's area, not only their own work. Follows problems through to a lasting fix and mentors newer engineers.",
      expectations: [
        {
          text: "Leads the response to incidents in their area and follows up on the causes.",
          examples: ["Ran the incident for a webhook outage and wrote the follow-up, which added an alert on queue depth."],
        },
        {
          text: "Pays down technical debt in their area as part of normal work.",
          examples: ["Removed three retired feature flags and their dead code paths while working on nearby code."],
        },
        {
          text: "Mentors one or more less experienced engineers.",
          examples: ["Met a junior engineer every two weeks and helped them lead their first small feature."],
        },
      ],
    },

    // Senior Engineer
    {
      step: "senior-engineer",
      dimension: "scope-of-influence",
      summary:
        "Works at the level of the team. Shapes the team's technical direction and the quality of everything it ships, and is the team's technical voice in cross-team discussions.",
      expectations: [
        {
          text: "Turns loosely defined product goals into technical plans the whole team can work from.",
          examples: ["Took the goal of 'faster onboarding' and broke it into three projects with owners and milestones."],
        },
        {
          text: "Represents the team in technical discussions with other teams.",
          examples: ["Agreed the API contract for the new billing screens with the mobile team."],
        },
        {
          text: "Identifies the most valuable technical work for the team and helps prioritise it with product.",
          examples: ["Made the case to the product manager for a quarter of search indexing work, backed by latency data."],
        },
      ],
    },
    {
      step: "senior-engineer",
      dimension: "how-work-is-conducted",
      summary:
        "Sets the standard for how the team designs, builds and ships. Produces reliable, maintainable systems and makes sound trade-offs between speed and quality.",
      expectations: [
        {
          text: "Designs systems that hold up under growth and change, and explains the trade-offs to others.",
          examples: ["Designed the report generation queue to handle ten times current volume and documented where it would break."],
        },
        {
          text: "Improves the team's tooling and processes so everyone ships faster and more safely.",
          examples: ["Set up preview environments for every pull request, so reviewers could try changes without a local build."],
        },
        {
          text: "Reviews work in a way that teaches, not just approves.",
          examples: ["Explained in review why a query would lock the orders table during peak hours and how to restructure it."],
        },
      ],
    },
    {
      step: "senior-engineer",
      dimension: "ownership",
      summary:
        "Owns outcomes for the team, not just projects. Spots problems before they become urgent, gets them fixed, and deliberately grows the engineers around them.",
      expectations: [
        {
          text: "Spots risks across the team's systems and makes sure they are handled, by doing the work or getting it scheduled.",
          examples: ["Noticed that certificate renewal was a manual step and got automation onto the roadmap before the next expiry."],
        },
        {
          text: "Actively grows other engineers on the team.",
          examples: ["Coached a mid-level engineer through writing their first design doc and running its review."],
        },
        {
          text: "Takes part in hiring and onboarding.",
          examples: ["Interviewed candidates every month and rewrote the team's technical exercise to reflect real work."],
        },
      ],
    },

    // Senior Engineer II (deeper in one team)
    {
      step: "senior-engineer-2",
      dimension: "scope-of-influence",
      summary:
        "Is the anchor of one team's domain. Their depth sets the long-term direction of that domain and reaches every team that depends on it.",
      expectations: [
        {
          text: "Owns the long-term technical vision for the team's domain.",
          examples: ["Wrote a two-year plan for the payments domain covering the move to a new processor and multi-currency support."],
        },
        {
          text: "Is the expert other teams consult about the domain.",
          examples: ["Advised three teams on using the payments ledger correctly when they added refunds to their features."],
        },
        {
          text: "Makes decisions in the domain that other teams treat as settled.",
          examples: ["Defined the rules for idempotency keys on payment requests, which every calling service now follows."],
        },
      ],
    },
    {
      step: "senior-engineer-2",
      dimension: "how-work-is-conducted",
      summary:
        "Brings deep expertise to the hardest problems in the domain. Their designs and code serve as a model for the team, and they solve problems others could not.",
      expectations: [
        {
          text: "Solves the hardest technical problems in the domain.",
          examples: ["Traced a rare double charge to a retry race between two services and designed the fix."],
        },
        {
          text: "Produces designs and code that others use as a reference.",
          examples: ["Their write-up on ledger consistency became required reading for engineers joining the team."],
        },
        {
          text: "Anticipates how the domain can fail and builds defences in advance.",
          examples: ["Added a nightly reconciliation job that compares the ledger with the processor's records and alerts on any drift."],
        },
      ],
    },
    {
      step: "senior-engineer-2",
      dimension: "ownership",
      summary:
        "Takes long-term responsibility for the health of the domain. Builds up other experts so the domain does not depend on one person.",
      expectations: [
        {
          text: "Holds the domain to a high standard of reliability and correctness.",
          examples: ["Set error budgets for the payment services and paused feature work when a budget was spent."],
        },
        {
          text: "Spreads their knowledge on purpose so others can lead in the domain.",
          examples: ["Handed incident lead duty to two mid-level engineers and reviewed each incident with them afterwards."],
        },
        {
          text: "Raises domain risks with leadership early and sees them resolved.",
          examples: ["Flagged the processor's API deprecation six months ahead and secured time on the roadmap to migrate."],
        },
      ],
    },

    // Staff Engineer (broader across teams)
    {
      step: "staff-engineer",
      dimension: "scope-of-influence",
      summary:
        "Works across several teams. Takes on problems no single team owns and aligns engineers from different teams around a shared technical direction.",
      expectations: [
        {
          text: "Leads technical initiatives that span several teams.",
          examples: ["Led the move of five teams' services onto a shared authentication library."],
        },
        {
          text: "Aligns teams on technical direction and resolves conflicts between approaches.",
          examples: ["Brought two teams with competing caching designs to agreement on a single approach."],
        },
        {
          text: "Finds cross-team problems that nobody owns and gets them addressed.",
          examples: ["Noticed that four teams were each building their own rate limiter and proposed one shared service."],
        },
      ],
    },
    {
      step: "staff-engineer",
      dimension: "how-work-is-conducted",
      summary:
        "Moves work forward through writing, prototypes and influence more than through their own code. Makes complex cross-team work simple to understand and carry out.",
      expectations: [
        {
          text: "Writes clear proposals and decision records that engineers across teams can act on.",
          examples: ["Wrote the RFC for the shared event bus, collected feedback from six teams and recorded the final decision."],
        },
        {
          text: "Builds prototypes and foundations that let other teams move faster.",
          examples: ["Built the first service template, so new services start with logging, metrics and CI already set up."],
        },
        {
          text: "Chooses where to write code personally based on leverage rather than habit.",
          examples: ["Wrote the migration tooling for the shared library while each team handled the changes to its own services."],
        },
      ],
    },
    {
      step: "staff-engineer",
      dimension: "ownership",
      summary:
        "Takes responsibility for the success of engineering beyond their own team. Grows senior engineers across teams and picks up the work that falls between them.",
      expectations: [
        {
          text: "Mentors senior engineers on several teams.",
          examples: ["Coached two senior engineers from different teams through leading their first cross-team projects."],
        },
        {
          text: "Takes on important work that falls between teams.",
          examples: ["Owned the overhaul of the on-call rotation when no single team had room for it."],
        },
        {
          text: "Improves engineering practices across the organisation.",
          examples: ["Started a monthly architecture review open to every engineer, with notes published afterwards."],
        },
      ],
    },

    // Principal Engineer
    {
      step: "principal-engineer",
      dimension: "scope-of-influence",
      summary:
        "Works at the level of the company. Shapes the multi-year technical strategy and influences product and business decisions, not only engineering ones.",
      expectations: [
        {
          text: "Sets the company's technical strategy together with engineering leadership.",
          examples: ["Co-wrote the three-year platform strategy with the CTO, including the decision to consolidate data stores."],
        },
        {
          text: "Influences product and business decisions with technical insight.",
          examples: ["Showed the leadership team how a proposed pricing model would strain the billing system and suggested a cheaper variant."],
        },
        {
          text: "Represents the company's engineering in important outside relationships.",
          examples: ["Led technical due diligence on an acquisition target."],
        },
      ],
    },
    {
      step: "principal-engineer",
      dimension: "how-work-is-conducted",
      summary:
        "Brings judgement to the company's largest and riskiest technical decisions. Makes strategy concrete enough that teams can act on it.",
      expectations: [
        {
          text: "Makes or guides the highest-stakes technical decisions and explains the reasoning across the company.",
          examples: ["Led the decision to add a second cloud region, with a written analysis of cost, risk and timeline."],
        },
        {
          text: "Breaks long-term strategy into concrete steps that teams can deliver.",
          examples: ["Turned the data store consolidation into quarterly milestones, each owned by a named team."],
        },
        {
          text: "Still goes deep personally when it matters.",
          examples: ["Investigated the database performance regression that had stalled two teams for a week and found the faulty query plan."],
        },
      ],
    },
    {
      step: "principal-engineer",
      dimension: "ownership",
      summary:
        "Takes responsibility for the long-term health of engineering at the company. Develops future staff and principal engineers and shapes engineering culture.",
      expectations: [
        {
          text: "Grows the next generation of technical leaders.",
          examples: ["Sponsored two staff engineers by connecting them with projects that had leadership visibility."],
        },
        {
          text: "Raises company-wide risks early and drives them to resolution.",
          examples: ["Raised the risk of depending on a single hosting vendor and led the plan to reduce it."],
        },
        {
          text: "Shapes engineering culture through example and shared standards.",
          examples: ["Drafted the company's engineering principles and revised them with input from every team."],
        },
      ],
    },

    // Engineer of Distinction
    {
      step: "engineer-of-distinction",
      dimension: "scope-of-influence",
      summary:
        "Has impact across the industry. Their work changes how engineers outside the company build software and brings recognition and talent to the company.",
      expectations: [
        {
          text: "Creates work that is widely adopted outside the company.",
          examples: ["Created an open-source library that became a standard choice in its ecosystem."],
        },
        {
          text: "Is recognised as a leading voice in their field.",
          examples: ["Gave a keynote at a major industry conference on the company's approach to reliability."],
        },
        {
          text: "Brings what they learn in the industry back to shape the company's direction.",
          examples: ["Used their seat on a standards committee to prepare the company early for a protocol change."],
        },
      ],
    },
    {
      step: "engineer-of-distinction",
      dimension: "how-work-is-conducted",
      summary:
        "Produces technical work that others across the industry learn from. Combines deep expertise with the ability to explain it to any audience.",
      expectations: [
        {
          text: "Produces original technical work of lasting value.",
          examples: ["Published a paper describing a new approach to conflict resolution in offline-first sync."],
        },
        {
          text: "Explains complex ideas clearly to engineers and non-engineers alike.",
          examples: ["Wrote a widely shared article series explaining the company's approach to data privacy in plain language."],
        },
      ],
    },
    {
      step: "engineer-of-distinction",
      dimension: "ownership",
      summary:
        "Takes responsibility for the health of the wider engineering community as well as the company. Develops leaders inside and outside the company.",
      expectations: [
        {
          text: "Contributes to and supports the wider engineering community.",
          examples: ["Maintains a widely used open-source project and mentors its new contributors."],
        },
        {
          text: "Develops the company's most senior engineers.",
          examples: ["Mentored a principal engineer through preparing and giving their first external conference talk."],
        },
      ],
    },
  ],
};
