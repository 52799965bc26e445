// A scenario page whose scenario the site data left out: its file passed the checks the page was built from, but a
// Monte Carlo draw the site runs failed (validate checks each uncertain key's extreme draws only, so two keys that
// fail together can pass it). The page shows the errors, as the page of a file with errors does, and no numbers.

/** What the site data says of a scenario it left out (SiteData.problems). */
export interface LeftOutProblem {
  file: string;
  messages: readonly string[];
}

/**
 * The errors box of a scenario page that has no numbers: the file, each message as `run` prints it, and what to do.
 * With no problem listed (no file has the id any longer), says so.
 */
export function ScenarioLeftOut(id: string, problem: LeftOutProblem | undefined): HTMLElement {
  const box = document.createElement("div");
  box.className = "scenario-problems";
  box.setAttribute("role", "alert");
  box.dataset.problems = problem?.file ?? id;
  const lead = document.createElement("p");
  const strong = document.createElement("strong");
  if (!problem) {
    strong.textContent = `No scenario file has the id ${id} any longer`;
    lead.append(strong, document.createTextNode(", so this page shows no numbers."));
    box.append(lead);
    return box;
  }
  const count = `${problem.messages.length} error${problem.messages.length === 1 ? "" : "s"}`;
  strong.textContent = `${problem.file} has ${count}`;
  lead.append(
    strong,
    document.createTextNode(
      " in the site's Monte Carlo draws, so this page shows no numbers and the other pages leave it out."
    )
  );
  const list = document.createElement("ul");
  for (const message of problem.messages) {
    const item = document.createElement("li");
    const code = document.createElement("code");
    code.textContent = message;
    item.append(code);
    list.append(item);
  }
  const after = document.createElement("p");
  after.append(
    document.createTextNode("Narrow the distributions the message names and save the file; "),
    Object.assign(document.createElement("code"), {textContent: `npx token-ledger run ${problem.file}`}),
    document.createTextNode(" prints the same error.")
  );
  box.append(lead, list, after);
  return box;
}
