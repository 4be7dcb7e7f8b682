package dev.jobcode.skills;

import dev.jobcode.skills.Skill.Kind;
import java.util.List;
import java.util.Set;

/**
 * The tricky texts a skill matcher must get right, with the skills that must be found in each and
 * those that must not; and a small dictionary of real O*NET names (written out by hand, not copied
 * from the data) that {@link SkillMatcherTest} runs them on. {@code SkillMatcherIT} runs the same
 * table on the whole of O*NET 30.0.
 */
final class SkillCases {
  static final String EXCEL = "Microsoft Excel";
  static final String ACCESS = "Microsoft Access";
  static final String WORD = "Microsoft Word";
  static final String OUTLOOK = "Microsoft Outlook";
  static final String TEAMS = "Microsoft Teams";
  static final String PROJECT = "Microsoft Project";
  static final String POWERPOINT = "Microsoft PowerPoint";
  static final String POWER_BI = "Microsoft Power BI";
  static final String DOTNET = "Microsoft .NET Framework";
  static final String ASPNET = "Microsoft ASP.NET";
  static final String VBA = "Microsoft Visual Basic for Applications VBA";
  static final String SPARK = "Apache Spark";
  static final String HADOOP = "Apache Hadoop";
  static final String NODE = "Node.js";
  static final String JAVA = "Oracle Java";
  static final String RUST = "Rust programming language";
  static final String OBJECTIVE_C = "Objective C";
  static final String SQL = "Structured query language SQL";
  static final String AWS = "Amazon Web Services AWS software";
  static final String IOS = "Apple iOS";
  static final String SPRING = "Spring Framework";
  static final String LAPTOPS = "Laptop computers";
  static final String DESKTOPS = "Desktop computers";

  /** A text, the skills (O*NET names) that must be found in it, and those that must not. */
  record Case(String text, Set<String> found, Set<String> notFound) {
    @Override
    public String toString() {
      return text.replace("\n", "\\n");
    }
  }

  private SkillCases() {}

  static Set<String> found(String... names) {
    return Set.of(names);
  }

  static Set<String> not(String... names) {
    return Set.of(names);
  }

  static Case c(String text, Set<String> found, Set<String> notFound) {
    return new Case(text, found, notFound);
  }

  static final List<Case> CASES = List.of(
      // R: a letter, so only with a software context
      c("Recruiter with ten years in talent acquisition", found(), not("R")),
      c("Led R&D for a medical devices firm", found(), not("R")),
      c("Tools: R, Python and SQL", found("R", "Python", SQL), not()),
      c("Performed statistical analysis in R", found("R"), not()),
      c("The film was rated R.", found(), not("R")),
      c("scripts in r and Python", found("Python"), not("R")),
      // C: a letter, and never inside C++ or C#
      c("Advised the C-suite on strategy", found(), not("C")),
      c("C, C++ and C#", found("C", "C++", "C#"), not()),
      c("Embedded C programming for microcontrollers", found("C"), not()),
      c("Vitamin C supplements for the clinic", found(), not("C")),
      c("Wrote C++ and C# services", found("C++", "C#"), not("C")),
      c("We drafted Plan A, Plan B and Plan C.", found(), not("C")),
      // Go
      c("Built the go-to-market plan", found(), not("Go")),
      c("Go-getter with a can-do attitude", found(), not("Go")),
      c("Go, Rust and Kubernetes in production", found("Go", RUST, "Kubernetes"), not()),
      c("Go to the office every day.", found(), not("Go")),
      c("Senior Go developer", found("Go"), not()),
      c("Wrote services in Golang", found("Go"), not()),
      c("let's go", found(), not("Go")),
      // React
      c("React and TypeScript front ends", found("React", "TypeScript"), not()),
      c("Able to react quickly to incidents", found(), not("React")),
      c("React quickly to customer complaints.", found(), not("React")),
      c("React Native mobile apps", found("React Native"), not("React")),
      c("Built user interfaces with ReactJS", found("React"), not()),
      // Swift
      c("Swift and Objective-C for iOS", found("Swift", OBJECTIVE_C, IOS), not()),
      c("Known for a swift response to outages", found(), not("Swift")),
      c("Swift response times on every ticket.", found(), not("Swift")),
      // Spark
      c("Apache Spark, Hadoop and Python", found(SPARK, HADOOP, "Python"), not()),
      c("Teachers who spark interest in science", found(), not(SPARK)),
      c("Spark interest in science among students.", found(), not(SPARK)),
      // Excel: the verb, the spreadsheet
      c("Proficient in Excel (pivot tables, VLOOKUP)", found(EXCEL), not()),
      c("Excel at building relationships with clients", found(), not(EXCEL)),
      c("I excel in customer service", found(), not(EXCEL)),
      c("Excel in customer service roles.", found(), not(EXCEL)),
      c("Excel at writing clean code.", found(), not(EXCEL)),
      c("Microsoft Excel, Word and PowerPoint", found(EXCEL, WORD, POWERPOINT), not()),
      c("Advanced EXCEL skills", found(EXCEL), not()),
      c("Built MS Excel models", found(EXCEL), not()),
      c("VBA macros in Excel", found(VBA, EXCEL), not()),
      // Access
      c("Maintained Microsoft Access databases", found(ACCESS), not()),
      c("Granted access to patient records", found(), not(ACCESS)),
      c("Access to patient records was restricted.", found(), not(ACCESS)),
      c("Queries in Access and SQL", found(ACCESS, SQL), not()),
      // Word, Teams, Project, Outlook
      c("Word of mouth referrals", found(), not(WORD)),
      c("Managed a project team of five", found(), not(PROJECT, TEAMS)),
      c("Teams of engineers across three sites.", found(), not(TEAMS)),
      c("Scheduling in Microsoft Project", found(PROJECT), not()),
      c("A positive outlook on change", found(), not(OUTLOOK)),
      c("Proficient with Outlook, Excel and Word", found(OUTLOOK, EXCEL, WORD), not()),
      // Node.js, .NET, Power BI: punctuation and spacing
      c("Node.js, NodeJS or Node JS back ends", found(NODE), not()),
      c(".NET and ASP.NET web apps", found(DOTNET, ASPNET), not()),
      c("Migrated services to dotnet 8", found(DOTNET), not()),
      c("Dashboards in Power BI and PowerBI Embedded", found(POWER_BI), not()),
      // the longest name
      c("Ruby on Rails developer", found("Ruby on Rails"), not("Ruby")),
      c("Ruby and Python scripting", found("Ruby", "Python"), not()),
      c("Ruby was our team lead.", found(), not("Ruby")),
      // other names that are words
      c("Chef, Puppet and Docker", found("Chef", "Puppet", "Docker"), not()),
      c("Head chef at a busy restaurant", found(), not("Chef")),
      c("Worked as a puppet maker", found(), not("Puppet")),
      c("Zoom, Slack and Microsoft Teams", found("Zoom", "Slack", TEAMS), not()),
      c("Zoom in on the details.", found(), not("Zoom")),
      c("cut them some slack", found(), not("Slack")),
      c("Java, Spring and Hibernate", found(JAVA, SPRING), not()),
      c("Spring semester of 2019", found(), not(SPRING)),
      c("Flask and Django web apps", found("Flask", "Django"), not()),
      c("Rinsed the Erlenmeyer flask", found(), not("Flask")),
      c("Removed rust from the hull", found(), not(RUST)),
      // layout and case
      c("Skills\n• Python\n• Go\n- Java", found("Python", "Go", JAVA), not()),
      c("PYTHON, DOCKER, KUBERNETES", found("Python", "Docker", "Kubernetes"), not()),
      c("Python is my main language and I also know Docker", found("Python", "Docker"), not()),
      c("Java and JavaScript", found(JAVA, "JavaScript"), not()),
      c("Linux, Git and Tableau", found("Linux", "Git", "Tableau"), not()),
      c("Deployed on AWS with Docker", found(AWS, "Docker"), not()),
      c("Amazon Web Services (AWS)", found(AWS), not()),
      // tools
      c("Repaired laptop computers and a desktop computer", found(LAPTOPS, DESKTOPS), not()),
      c("Used hammers and multimeters", found("Multimeters"), not("Hammers")),
      c("Always wore safety glasses", found("Safety glasses"), not()),
      c("Moved stock with pallet jacks", found("Pallet jacks"), not()));

  /** About fifty real O*NET names, written out by hand, with their commodities as O*NET gives them. */
  static SkillDictionary dictionary() {
    return SkillDictionary.of(List.of(
        tech(EXCEL, "43232110", "Spreadsheet software", true),
        tech(ACCESS, "43232306", "Data base user interface and query software", true),
        tech(WORD, "43232104", "Word processing software", true),
        tech(OUTLOOK, "43233501", "Electronic mail software", true),
        tech(TEAMS, "43231507", "Project management software", true),
        tech(PROJECT, "43231507", "Project management software", true),
        tech(POWERPOINT, "43232106", "Presentation software", true),
        tech(POWER_BI, "43232314", "Business intelligence and data analysis software", true),
        tech(DOTNET, "43232402", "Development environment software", true),
        tech(ASPNET, "43232408", "Web platform development software", true),
        tech(VBA, "43232402", "Development environment software", true),
        tech(SPARK, "43232314", "Business intelligence and data analysis software", true),
        tech(HADOOP, "43232304", "Data base management system software", true),
        tech(NODE, "43232408", "Web platform development software", true),
        tech("C", "43232402", "Development environment software", true),
        tech("C++", "43232405", "Object or component oriented development software", true),
        tech("C#", "43232405", "Object or component oriented development software", true),
        tech("R", "43232405", "Object or component oriented development software", true),
        tech("Go", "43232402", "Development environment software", true),
        tech("React", "43232408", "Web platform development software", true),
        tech("React Native", "43232408", "Web platform development software", false),
        tech("Swift", "43232405", "Object or component oriented development software", true),
        tech("Python", "43232405", "Object or component oriented development software", true),
        tech(JAVA, "43232405", "Object or component oriented development software", true),
        tech("JavaScript", "43232408", "Web platform development software", true),
        tech("TypeScript", "43232405", "Object or component oriented development software", true),
        tech("Ruby", "43232402", "Development environment software", true),
        tech("Ruby on Rails", "43232408", "Web platform development software", false),
        tech(RUST, "43232402", "Development environment software", false),
        tech(OBJECTIVE_C, "43232405", "Object or component oriented development software", false),
        tech(SQL, "43232306", "Data base user interface and query software", true),
        tech(AWS, "43232306", "Data base user interface and query software", true),
        tech("Docker", "43232701", "Application server software", true),
        tech("Kubernetes", "43232701", "Application server software", true),
        tech("Chef", "43232401", "Configuration management software", true),
        tech("Puppet", "43232401", "Configuration management software", true),
        tech("Zoom", "43233502", "Video conferencing software", true),
        tech("Slack", "43233513", "Cloud-based data access and sharing software", true),
        tech("Tableau", "43232314", "Business intelligence and data analysis software", true),
        tech("Linux", "43233004", "Operating system software", true),
        tech(IOS, "43233004", "Operating system software", true),
        tech(SPRING, "43232408", "Web platform development software", true),
        tech("Django", "43232408", "Web platform development software", true),
        tech("Flask", "43232402", "Development environment software", false),
        tech("Git", "43232203", "File versioning software", true),
        tool(DESKTOPS, "43211507", "Desktop computers"),
        tool(LAPTOPS, "43211503", "Notebook computers"),
        tool("Personal computers", "43211508", "Personal computers"),
        tool("Hammers", "27111602", "Hammers"),
        tool("Multimeters", "41113630", "Multimeters"),
        tool("Safety glasses", "46181802", "Safety glasses"),
        tool("Pallet jacks", "24101505", "Pallet trucks")));
  }

  static Skill tech(String name, String code, String title, boolean hot) {
    return new Skill(name, code, title, hot, Kind.TECHNOLOGY);
  }

  static Skill tool(String name, String code, String title) {
    return new Skill(name, code, title, false, Kind.TOOL);
  }
}
