System.Console.WriteLine("kiwi-user client sample");
